import fc from 'fast-check';
import type { JsonSchema } from '../../contract/types.js';
import { guarded } from './guard.js';
import { arrayArbitrary, objectArbitrary } from './objects.js';
import { codePointString } from './code-point-string.js';
import { numberArbitrary, stringArbitrary } from './scalars.js';
import { textAlphabet, type TextStyle } from './unicode.js';
import { isJsonObject } from '../../contract/json.js';

/** How the walker generates: the text style of strings, and whether objects get unknown extra properties. */
export interface WalkOptions {
  readonly style: TextStyle;
  /** Add properties the schema does not name, where `additionalProperties` allows them. */
  readonly extras: boolean;
}

/** A walker bound to its options, so object and array builders can recurse. */
export type Walk = (schema: JsonSchema) => fc.Arbitrary<unknown>;

const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', 'readOnly', 'writeOnly', '$comment']);

/** The JSON type names a value has (an integer is also a number). */
export function jsonTypesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

/** The types a schema allows, or undefined when it does not say (nor imply by its keywords). */
export function typesOf(schema: JsonSchema): string[] | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  if ('properties' in schema || 'required' in schema || 'additionalProperties' in schema) return ['object'];
  if ('items' in schema) return ['array'];
  if ('pattern' in schema || 'minLength' in schema || 'maxLength' in schema || 'format' in schema) return ['string'];
  return undefined;
}

/** The schema's own keywords apart from one combinator and annotations: what each branch must also satisfy. */
function siblings(schema: JsonSchema, combinator: string): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== combinator && !ANNOTATIONS.has(key)));
}

/** A branch with its parent's sibling keywords folded in (properties and required merged; other keywords: the branch wins). */
function fold(parent: JsonSchema, branch: JsonSchema): JsonSchema {
  if (Object.keys(parent).length === 0) return branch;
  const properties = { ...(isJsonObject(parent['properties']) ? parent['properties'] : {}), ...(isJsonObject(branch['properties']) ? branch['properties'] : {}) };
  const required = [...new Set([...(Array.isArray(parent['required']) ? parent['required'] : []), ...(Array.isArray(branch['required']) ? branch['required'] : [])])];
  return { ...parent, ...branch, properties, required };
}

const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }),
  codePointString(textAlphabet('json'), { minLength: 0, maxLength: 12 }));
const smallJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: scalar, weight: 4 },
  { arbitrary: fc.array(scalar, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(fc.string({ unit: 'grapheme-ascii', maxLength: 8 }), scalar, { maxKeys: 2, noNullPrototype: true }), weight: 1 },
);

/** Any JSON value, kept small (scalars, or one level of array or object): where a schema constrains nothing. */
export const anyJson = (): fc.Arbitrary<unknown> => smallJson;

/** Any JSON scalar (null, boolean, number, short string): the values of unknown extra properties, cheap to make. */
export const anyScalar = (): fc.Arbitrary<unknown> => scalar;

function typed(type: string, schema: JsonSchema, walk: Walk, options: WalkOptions): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'string': return stringArbitrary(schema, options.style);
    case 'integer': return numberArbitrary(schema, true);
    case 'number': return numberArbitrary(schema, false);
    case 'object': return objectArbitrary(schema, walk, options.extras);
    case 'array': return arrayArbitrary(schema, walk);
    default: throw new Error(`unknown JSON type "${type}"`);
  }
}

/**
 * A JSON Schema (draft-07 as translated from the contract) as an arbitrary: `enum` members uniformly, every
 * `anyOf`/`oneOf` branch, every type of a type union (so null for nullable), objects with required properties always and
 * optional ones sometimes, strings and numbers within their bounds. Walks the tree once, when called, not per value.
 */
export function schemaArbitrary(schema: JsonSchema, options: WalkOptions): fc.Arbitrary<unknown> {
  const walk: Walk = (node) => schemaArbitrary(node, options);
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) {
    const types = typesOf(schema);
    const members = (schema['enum'] as unknown[]).filter((m) => !types || jsonTypesOf(m).some((t) => types.includes(t)));
    if (members.length === 0) throw new Error(`no member of enum ${JSON.stringify(schema['enum'])} has an allowed type`);
    return fc.constantFrom(...members);
  }
  for (const combinator of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[combinator];
    if (!Array.isArray(branches)) continue;
    const parent = siblings(schema, combinator);
    if (combinator === 'allOf') return guarded(walk((branches as JsonSchema[]).reduce((acc, branch) => fold(acc, siblings(branch, '')), parent)), schema);
    // A branch alone is exact; folded with its parent's keywords it is an approximation, so it is guarded by both.
    const union = fc.oneof(...(branches as JsonSchema[]).map((branch) =>
      (Object.keys(parent).length === 0 ? walk(branch) : guarded(walk(fold(parent, branch)), { allOf: [parent, branch] }))));
    // oneOf means exactly one: a value from one branch may match another too.
    return combinator === 'oneOf' ? guarded(union, schema) : union;
  }
  const types = typesOf(schema) ?? [];
  if (types.length === 0) return anyJson();
  const arbitraries = types.map((type) => typed(type, schema, walk, options));
  return arbitraries.length === 1 ? (arbitraries[0] as fc.Arbitrary<unknown>) : fc.oneof(...arbitraries);
}
