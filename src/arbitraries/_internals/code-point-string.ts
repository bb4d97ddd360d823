import fc from 'fast-check';
import type { Alphabet } from './alphabet.js';
import { drawText, fastArbitrary, pickLength, pickOne, UNBOUNDED_LENGTH_CAP } from './fast-arbitrary.js';

/** The code points of a string (JSON Schema lengths count these, not UTF-16 units); throws for non-strings. */
export function toCodePoints(value: unknown): number[] {
  if (typeof value !== 'string') throw new Error('not a string');
  const points: number[] = [];
  for (const char of value) points.push(char.codePointAt(0) ?? 0);
  return points;
}

/** Joins code points into a string. */
export function fromCodePoints(points: readonly number[]): string {
  let out = '';
  for (const point of points) out += String.fromCodePoint(point);
  return out;
}

/** Lengths a generator may produce: `maxLength` may be Infinity (then generation stops at a small cap). */
export interface LengthRange {
  readonly minLength: number;
  readonly maxLength: number;
}

/** The shrinker for strings over an alphabet: arrays of code points, shortened first, then each towards 'a'-like. */
export function codePointArray(unit: fc.Arbitrary<number>, { minLength, maxLength }: LengthRange): fc.Arbitrary<number[]> {
  return fc.array(unit, { minLength, maxLength: Number.isFinite(maxLength) ? maxLength : 0x7fffffff });
}

/**
 * Strings of `minLength`..`maxLength` code points over an alphabet, with exact boundary lengths as edge cases, and
 * `edges` (whole values worth trying, such as `.` and `..` in a path) one time in 16, when within the length range.
 */
export function codePointString(alpha: Alphabet, range: LengthRange, edges: readonly string[] = []): fc.Arbitrary<string> {
  const { minLength, maxLength } = range;
  const generatedMax = Number.isFinite(maxLength) ? maxLength : minLength + UNBOUNDED_LENGTH_CAP;
  const special = edges.filter((edge) => [...edge].length >= minLength && [...edge].length <= maxLength);
  const make = (mrng: fc.Random): string => {
    if (special.length > 0 && mrng.nextInt(0, 15) === 0) return pickOne(mrng, special);
    return drawText(mrng, pickLength(mrng, minLength, generatedMax), alpha.draw);
  };
  return fastArbitrary(make, codePointArray(alpha.unit, range).map(fromCodePoints, toCodePoints));
}

/** Single code points drawn from an alphabet (fast), shrinking towards each segment's first code point. */
export function codePoint(alpha: Alphabet): fc.Arbitrary<number> {
  return fastArbitrary((mrng) => alpha.draw(mrng), alpha.unit);
}
