/** An object's properties compared: added, removed, made required or optional, and each one's own schema. */
import { escapeToken, isJsonObject } from '../contract/json.js';
import type { OasSchema } from '../contract/types.js';
import { emit, type DiffContext, type Place } from './emit.js';
import { keywordPointer, origin } from './pointers.js';

/** How a property's own schema is compared (walk.ts's diffSchema, passed in to keep the imports one-way). */
export type SchemaDiff = (context: DiffContext, old: OasSchema, next: OasSchema, place: Place) => void;

const propertiesOf = (node: OasSchema): Record<string, OasSchema> =>
  (isJsonObject(node['properties']) ? node['properties'] : {}) as Record<string, OasSchema>;

const requiredOf = (node: OasSchema): Set<string> =>
  new Set(Array.isArray(node['required']) ? node['required'].map(String) : []);

/** Where a property sits, or where it would (the node's `properties`, else the node). */
const propertyPointer = (node: OasSchema, name: string): string => {
  const property = propertiesOf(node)[name];
  return property ? origin(property) : keywordPointer(node, 'properties');
};

function removal(context: DiffContext, next: OasSchema, wasRequired: boolean): string {
  if (context.direction === 'request' && next['additionalProperties'] === false) return 'property-forbidden';
  return wasRequired ? 'required-property-removed' : 'optional-property-removed';
}

/** Compares the properties and `required` of two versions of an object schema. */
export function diffProperties(context: DiffContext, old: OasSchema, next: OasSchema, place: Place, diffSchema: SchemaDiff): void {
  const before = propertiesOf(old);
  const after = propertiesOf(next);
  const requiredBefore = requiredOf(old);
  const requiredAfter = requiredOf(next);
  const names = [...new Set([...Object.keys(before), ...Object.keys(after), ...requiredBefore, ...requiredAfter])];
  for (const name of names) {
    const at: Place = { part: place.part, path: `${place.path}/${escapeToken(name)}` };
    const pointers = { old: propertyPointer(old, name), new: propertyPointer(next, name) };
    const oldProperty = before[name];
    const newProperty = after[name];
    if (oldProperty && !newProperty) {
      emit(context, { rule: removal(context, next, requiredBefore.has(name)), place: at, message: 'removed', pointers });
      continue;
    }
    if (newProperty && !oldProperty) {
      const rule = requiredAfter.has(name) ? 'required-property-added' : 'optional-property-added';
      emit(context, { rule, place: at, message: `added (${requiredAfter.has(name) ? 'required' : 'optional'})`, pointers });
      continue;
    }
    if (oldProperty && newProperty) diffSchema(context, oldProperty, newProperty, at);
    if (requiredBefore.has(name) !== requiredAfter.has(name)) {
      const required = requiredAfter.has(name);
      emit(context, {
        rule: required ? 'required-added' : 'required-removed', place: at, message: required ? 'required now' : 'optional now',
        pointers: { old: keywordPointer(old, 'required'), new: keywordPointer(next, 'required') },
      });
    }
  }
}

