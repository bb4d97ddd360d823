import type { Ajv } from 'ajv';
import type fc from 'fast-check';
import { createAjv } from '../../contract/ajv.js';
import type { JsonSchema } from '../../contract/types.js';

let shared: Ajv | undefined;

/** Compiles a schema with the project's one Ajv configuration (compiled once per schema object). */
export function compiled(schema: JsonSchema): (value: unknown) => boolean {
  const ajv = (shared ??= createAjv());
  const validate = ajv.compile(schema);
  return (value) => validate(value) === true;
}

/** Consecutive rejections after which a guard gives up: a schema no generated value can meet should fail, not hang. */
const MAX_MISSES = 10_000;

/**
 * Keeps only values the schema accepts. Used where the walker approximates (`oneOf`'s "exactly one", merged
 * `allOf`s, sized objects): the guard makes an approximation cost speed, never correctness.
 */
export function guarded<T>(arbitrary: fc.Arbitrary<T>, schema: JsonSchema): fc.Arbitrary<T> {
  const accepts = compiled(schema);
  let misses = 0;
  return arbitrary.filter((value) => {
    if (accepts(value)) {
      misses = 0;
      return true;
    }
    if (++misses < MAX_MISSES) return false;
    misses = 0;
    throw new Error(`cannot generate values for ${JSON.stringify(schema).slice(0, 200)}: ${MAX_MISSES} candidates in a row were rejected (overlapping oneOf branches?)`);
  });
}
