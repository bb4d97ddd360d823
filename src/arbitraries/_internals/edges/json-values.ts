/** Deterministic JSON values for a schema: a small valid one, the largest valid one, and one of each wrong type. */
import fc from 'fast-check';
import type { JsonSchema } from '../../../contract/types.js';
import { compiled } from '../guard.js';
import { lengthRange } from '../scalars.js';
import { schemaArbitrary, typesOf } from '../walker.js';
import { isJsonObject } from '../../../contract/json.js';


/** The declared properties of an object schema. */
export const propertiesOf = (schema: JsonSchema): Array<[string, JsonSchema]> =>
  Object.entries(isJsonObject(schema['properties']) ? schema['properties'] : {}).filter((entry): entry is [string, JsonSchema] => isJsonObject(entry[1]));

/** The required property names of an object schema. */
export const requiredOf = (schema: JsonSchema): string[] => (Array.isArray(schema['required']) ? schema['required'].filter((n): n is string => typeof n === 'string') : []);

/** A hand-made small value: required properties only, short non-null strings; undefined where it cannot tell. */
function small(schema: JsonSchema): unknown {
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  const types = typesOf(schema) ?? [];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'string': return 'e'.repeat(Math.min(Math.max(lengthRange(schema).minLength, 4), lengthRange(schema).maxLength));
    case 'integer':
    case 'number': return typeof schema['minimum'] === 'number' ? schema['minimum'] : 0;
    case 'boolean': return true;
    case 'null': return null;
    case 'array': return [];
    case 'object': return Object.fromEntries(propertiesOf(schema).filter(([name]) => requiredOf(schema).includes(name)).map(([name, sub]) => [name, small(sub)]));
    default: return undefined;
  }
}

/** A small valid value: hand-made when the schema accepts it, else the first value of the walker for a fixed seed. */
export function exampleOf(schema: JsonSchema): unknown {
  const value = small(schema);
  if (value !== undefined && compiled(schema)(value)) return value;
  const [sampled] = fc.sample(schemaArbitrary(schema, { style: 'json', extras: false }), { seed: 0, numRuns: 1 });
  return sampled;
}

/** Every property present, every string at its maximum length of `char` (undefined when some string has no maximum). */
export function largestOf(schema: JsonSchema, char: string): unknown {
  if (Array.isArray(schema['enum'])) return [...schema['enum']].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
  const types = typesOf(schema) ?? [];
  if (types.includes('object')) {
    const entries = propertiesOf(schema).map(([name, sub]) => [name, largestOf(sub, char)] as const);
    return entries.some(([, value]) => value === undefined) ? undefined : Object.fromEntries(entries);
  }
  if (types.includes('string')) {
    const { maxLength } = lengthRange(schema);
    return Number.isFinite(maxLength) ? char.repeat(maxLength) : undefined;
  }
  return exampleOf(schema);
}

/**
 * One value of each JSON type the schema does not allow, by name (an integer counts as a number): null, an integer, a
 * fraction, a string, a boolean, an empty array, an array holding a valid value, an object.
 */
export function wrongTypes(schema: JsonSchema): Array<{ name: string; value: unknown }> {
  const allowed = typesOf(schema);
  if (!allowed) return [];
  const valid = exampleOf(schema);
  const candidates: Array<{ name: string; type: string; value: unknown }> = [
    { name: 'null', type: 'null', value: null },
    { name: 'integer', type: 'integer', value: 42 },
    { name: 'number', type: 'number', value: 1.5 },
    { name: 'string', type: 'string', value: 'edge' },
    { name: 'boolean', type: 'boolean', value: true },
    { name: 'array', type: 'array', value: [] },
    { name: 'array-of-valid', type: 'array', value: [valid] },
    { name: 'object', type: 'object', value: {} },
  ];
  const allows = (type: string): boolean => allowed.includes(type) || (type === 'integer' && allowed.includes('number'));
  return candidates.filter((c) => !allows(c.type)).map(({ name, value }) => ({ name, value }));
}
