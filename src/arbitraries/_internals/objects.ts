import fc from 'fast-check';
import type { JsonSchema } from '../../contract/types.js';
import { guarded } from './guard.js';
import { codePointString } from './code-point-string.js';
import { fastArbitrary } from './fast-arbitrary.js';
import { textAlphabet } from './unicode.js';
import { anyScalar, type Walk } from './walker.js';
import { isJsonObject } from '../../contract/json.js';


/**
 * Names for properties the schema does not declare (never one it declares): mostly visible ASCII, and one time in
 * eight fast-check's own `string()`, which favours the names runtimes treat specially (`__proto__`, `constructor`,
 * `toString`...): a whitelist that misses those is a real bug, so they are sent, never filtered out.
 */
export function unknownName(declared: readonly string[]): fc.Arbitrary<string> {
  const taken = new Set(declared);
  return fc.oneof({ weight: 7, arbitrary: codePointString(textAlphabet('header'), { minLength: 1, maxLength: 12 }) }, { weight: 1, arbitrary: (fastCheckNames ??= fc.string({ minLength: 1, maxLength: 12 })) })
    .filter((name) => !taken.has(name));
}

// Built once: fast-check's string() costs megabytes to build, and names are asked for on every object schema.
let fastCheckNames: fc.Arbitrary<string> | undefined;

/** Sets an own property, also one named `__proto__` (which assignment would take as the object's prototype). */
export function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else target[name] = value;
}

/**
 * Unknown entries for an object: none two times in three, else one or two. Made directly (these sit on every object of
 * a response, and fast-check's combinators cost more than the values), shrunk through the equivalent combinators.
 */
function unknownEntries(name: fc.Arbitrary<string>, values: fc.Arbitrary<unknown>): fc.Arbitrary<Array<[string, unknown]> | undefined> {
  const entry = fc.tuple(name, values);
  const shrinker = fc.oneof(fc.constant(undefined), fc.tuple(entry), fc.tuple(entry, entry));
  return fastArbitrary((mrng) => {
    const roll = mrng.nextInt(0, 5);
    if (roll < 4) return undefined;
    return roll === 4 ? [entryOf(name, values, mrng)] : [entryOf(name, values, mrng), entryOf(name, values, mrng)];
  }, shrinker);
}

// Module level rather than a closure per call: this runs for every generated object.
function entryOf(name: fc.Arbitrary<string>, values: fc.Arbitrary<unknown>, mrng: fc.Random): [string, unknown] {
  return [name.generate(mrng, undefined).value, values.generate(mrng, undefined).value];
}

// Deleting a property other than the last one added is what switches an object to dictionary mode.
const SCAFFOLD_FIRST = '\u0000dictionary-1';
const SCAFFOLD_SECOND = '\u0000dictionary-2';

/**
 * A new object with the entries, then the known properties. Random property names would each give V8 a new hidden
 * class, which costs more than the object; a Map-backed (dictionary) object from the start does not.
 */
function withEntries(known: Record<string, unknown>, entries: ReadonlyArray<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = { [SCAFFOLD_FIRST]: 0, [SCAFFOLD_SECOND]: 0 };
  delete out[SCAFFOLD_FIRST];
  delete out[SCAFFOLD_SECOND];
  for (const [name, value] of entries) setOwn(out, name, value);
  for (const name of Object.keys(known)) setOwn(out, name, known[name]);
  return out;
}

/**
 * Objects: every required property, each optional one half the time, and (when `extras` and the schema leaves
 * `additionalProperties` unset, true or a schema) up to two unknown properties one time in three.
 */
export function objectArbitrary(schema: JsonSchema, walk: Walk, extras: boolean): fc.Arbitrary<unknown> {
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) model[name] = walk(isJsonObject(sub) ? sub : {});
  for (const name of required) model[name] ??= walk({});
  const record = fc.record(model, { requiredKeys: required, noNullPrototype: true });
  const additional = schema['additionalProperties'];
  const open = extras && additional !== false && !('patternProperties' in schema);
  const sized = 'minProperties' in schema || 'maxProperties' in schema;
  let objects: fc.Arbitrary<unknown> = record;
  if (open) {
    // Scalars where anything goes: an unknown property tests tolerance of its presence, not of its shape.
    const values = isJsonObject(additional) ? walk(additional) : anyScalar();
    const unknown = unknownEntries(unknownName(Object.keys(model)), values);
    objects = fc.tuple(record, unknown).map(([known, more]) => (more ? withEntries(known, more) : known));
  }
  return sized ? guarded(objects, schema) : objects;
}

/** Arrays of `items` within minItems..maxItems (at most 5 past the minimum when unbounded); unique when asked. */
export function arrayArbitrary(schema: JsonSchema, walk: Walk): fc.Arbitrary<unknown> {
  const items = schema['items'];
  if (Array.isArray(items)) return guarded(fc.tuple(...items.map((item: unknown) => walk(isJsonObject(item) ? item : {}))), schema);
  const minLength = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
  const maxLength = typeof schema['maxItems'] === 'number' ? schema['maxItems'] : minLength + 5;
  const item = walk(isJsonObject(items) ? items : {});
  if (schema['uniqueItems'] === true) return fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) });
  return fc.array(item, { minLength, maxLength });
}
