import fc from 'fast-check';

/**
 * Generates with a plain function (no per-character Value objects: strings are the hot path) and shrinks through a
 * regular fast-check arbitrary that can take the value without context. So edge cases and shrinking are decoupled:
 * a value made by an edge-case mode still shrinks like any other, which keeps counterexamples minimal.
 */
class FastArbitrary<T> extends fc.Arbitrary<T> {
  constructor(private readonly make: (mrng: fc.Random) => T, private readonly shrinker: fc.Arbitrary<T>) {
    super();
  }

  generate(mrng: fc.Random): fc.Value<T> {
    return new fc.Value(this.make(mrng), undefined);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.shrinker.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    if (context === undefined && !this.shrinker.canShrinkWithoutContext(value)) return fc.Stream.nil();
    return this.shrinker.shrink(value, context);
  }
}

/** An arbitrary made by `make`, shrunk by `shrinker` (which must accept every value `make` returns). */
export function fastArbitrary<T>(make: (mrng: fc.Random) => T, shrinker: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return new FastArbitrary(make, shrinker);
}

/** Generated lengths stop here when the schema sets no maximum: long enough to matter, short enough to be fast. */
export const UNBOUNDED_LENGTH_CAP = 64;

/**
 * A length in [min, max], biased to the edges: exactly `min` and exactly `max` one time in 32 each, uniform over the
 * whole range one time in 32, otherwise short (within min + 8): most bugs show on small values, and small is fast.
 * Over 1,000 values that is still ~30 of each boundary length.
 */
export function pickLength(mrng: fc.Random, min: number, max: number): number {
  const roll = mrng.nextInt(0, 31);
  if (roll === 0 || max <= min) return min;
  if (roll === 1) return max;
  if (roll === 2) return mrng.nextInt(min, max);
  return mrng.nextInt(min, Math.min(max, min + 8));
}

/** Past this many code points a generated string cycles its random head: long values are about length, not variety. */
export const RANDOM_HEAD = 48;

/**
 * `count` code points drawn by `draw`: all random up to RANDOM_HEAD, then the head repeated. Boundary and too-long
 * values (255, 256+ code points) are what matter at that size, and drawing each of them would dominate generation time.
 */
export function drawText(mrng: fc.Random, count: number, draw: (mrng: fc.Random) => number): string {
  if (count <= RANDOM_HEAD) {
    let out = '';
    for (let i = 0; i < count; i++) out += String.fromCodePoint(draw(mrng));
    return out;
  }
  const head: string[] = [];
  for (let i = 0; i < RANDOM_HEAD; i++) head.push(String.fromCodePoint(draw(mrng)));
  // Code point i is head[i % RANDOM_HEAD]: whole repeats of the head, then the start of one more.
  return head.join('').repeat(Math.floor(count / RANDOM_HEAD)) + head.slice(0, count % RANDOM_HEAD).join('');
}

/** Picks one of `items` uniformly. */
export function pickOne<T>(mrng: fc.Random, items: readonly T[]): T {
  const item = items[mrng.nextInt(0, items.length - 1)];
  if (item === undefined && items.length === 0) throw new Error('pickOne from an empty list');
  return item as T;
}
