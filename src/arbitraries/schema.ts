import type fc from 'fast-check';
import type { JsonSchema } from '../contract/types.js';
import { schemaArbitrary as walk, type WalkOptions } from './_internals/walker.js';

export type { WalkOptions } from './_internals/walker.js';
export type { TextStyle } from './_internals/unicode.js';

/**
 * Values valid for any JSON Schema the contract layer produces (type unions, enum, const, properties/required/
 * additionalProperties, anyOf/oneOf/allOf, lengths in code points, patterns, bounds, formats ajv-formats knows).
 */
export function schemaArbitrary(schema: JsonSchema, options: Partial<WalkOptions> = {}): fc.Arbitrary<unknown> {
  return walk(schema, { style: options.style ?? 'json', extras: options.extras ?? true });
}
