/**
 * The covering schedule of success bodies. Answer k (counting successful generated answers from 0) takes, in every
 * dimension of the schema (shapes.ts), the choice at position k of a seeded permutation of its choices, and, in
 * alternate answers, an undocumented property on each open object. So within the first N answers (N the most choices
 * any dimension has: 12 vendor identifiers here) every choice of every dimension has been served. Answers N and N+1
 * then put every free string at its maximum length, then its minimum; later answers draw lengths at random.
 * Everything else in a body is drawn from the request's seed, so the same run seed and request order replay.
 */
import fc from 'fast-check';
import { schemaArbitrary } from '../../arbitraries/index.js';
import type { JsonSchema } from '../../contract/types.js';
import { responseSeed } from './seed.js';
import { pinChoice, shapeDimensions, type Choice, type Dimension } from '../../checks/response-shapes.js';
import { isJsonObject } from '../../contract/json.js';

/** How the strings of one answer are sized. */
export type LengthMode = 'max' | 'min' | 'random';

/** The undocumented property alternate answers carry (a server adds fields; clients must tolerate them). */
export const UNDOCUMENTED_PROPERTY = 'updatedAt';
const UNDOCUMENTED_VALUE = '2025-01-07T10:00:00.000Z';


/** A seeded permutation of 0..size-1 (Fisher-Yates over the seed's hash stream). */
function permutation(size: number, seed: number, salt: number): number[] {
  const order = Array.from({ length: size }, (_, index) => index);
  for (let i = size - 1; i > 0; i--) {
    const j = (responseSeed(seed ^ Math.imul(salt + 1, 0x27d4eb2d), i) >>> 0) % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Every free string (no enum, pattern or format) of the schema sized at its bound. */
export function pinLengths(schema: JsonSchema, mode: LengthMode): JsonSchema {
  if (mode === 'random') return schema;
  const out: JsonSchema = Object.fromEntries(Object.entries(schema).map(([key, value]) => {
    if (key === 'properties' && isJsonObject(value)) return [key, Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, isJsonObject(sub) ? pinLengths(sub, mode) : sub]))];
    if (['anyOf', 'oneOf', 'allOf'].includes(key) && Array.isArray(value)) return [key, value.map((sub: unknown) => (isJsonObject(sub) ? pinLengths(sub, mode) : sub))];
    if ((key === 'items' || key === 'additionalProperties') && isJsonObject(value)) return [key, pinLengths(value, mode)];
    return [key, value];
  }));
  const types = ([] as unknown[]).concat(schema['type'] ?? []);
  const free = types.includes('string') && !('enum' in schema) && !('pattern' in schema) && !('format' in schema);
  const max = schema['maxLength'];
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  if (!free || typeof max !== 'number') return out;
  return mode === 'max' ? { ...out, minLength: max } : { ...out, maxLength: min };
}

/** Adds the undocumented property to every declared object along the schema's properties that allows one (not in branches). */
function withUndocumented(value: unknown, schema: JsonSchema): unknown {
  if (!isJsonObject(value)) return value;
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) out[name] = isJsonObject(properties[name]) ? withUndocumented(item, properties[name] as JsonSchema) : item;
  const open = 'properties' in schema && schema['additionalProperties'] !== false;
  if (open && !(UNDOCUMENTED_PROPERTY in properties)) out[UNDOCUMENTED_PROPERTY] = UNDOCUMENTED_VALUE;
  return out;
}

/** One scheduled answer: the choice of every dimension, the length mode, and whether it carries the extra property. */
export interface Slot {
  readonly choices: ReadonlyMap<Dimension, Choice>;
  readonly lengths: LengthMode;
  readonly undocumented: boolean;
}

/** The schedule of one run: stateful (answer k is the k-th call of `next`), arbitraries built once per shape. */
export class SuccessSchedule {
  readonly dimensions: readonly Dimension[];
  /** How many answers it takes to serve every choice of every dimension. */
  readonly cover: number;
  readonly #orders: readonly (readonly number[])[];
  readonly #arbitraries = new Map<string, fc.Arbitrary<unknown>>();
  #served = 0;

  /** `skip`: pointers of fields the mock fills from the request afterwards (no shape of theirs is scheduled). */
  constructor(readonly schema: JsonSchema, runSeed: number, skip: readonly string[] = []) {
    this.dimensions = shapeDimensions(schema, skip);
    this.cover = Math.max(2, ...this.dimensions.map((dimension) => dimension.choices.length));
    this.#orders = this.dimensions.map((dimension, index) => permutation(dimension.choices.length, runSeed, index));
  }

  /** The slot of answer k. */
  slot(k: number): Slot {
    const choices = new Map(this.dimensions.map((dimension, index) => {
      const order = this.#orders[index] as readonly number[];
      return [dimension, dimension.choices[order[k % order.length] as number] as Choice];
    }));
    const lengths: LengthMode = k === this.cover ? 'max' : k === this.cover + 1 ? 'min' : 'random';
    return { choices, lengths, undocumented: k % 2 === 1 };
  }

  /** The next success body, drawn with the request's seed. */
  next(seed: number): unknown {
    const slot = this.slot(this.#served++);
    const key = `${[...slot.choices.values()].map((choice) => choice.label).join('\u0000')}\u0000${slot.lengths}`;
    let arbitrary = this.#arbitraries.get(key);
    if (!arbitrary) {
      let pinned = this.schema;
      for (const [dimension, choice] of slot.choices) pinned = pinChoice(pinned, dimension, choice);
      arbitrary = schemaArbitrary(pinLengths(pinned, slot.lengths), { style: 'json', extras: false });
      this.#arbitraries.set(key, arbitrary);
    }
    const [body] = fc.sample(arbitrary, { seed, numRuns: 1 });
    return slot.undocumented ? withUndocumented(body, this.schema) : body;
  }
}
