import fc from 'fast-check';
import { alphabet, type Alphabet, type Segment } from './alphabet.js';
import { codePointArray, fromCodePoints, toCodePoints, type LengthRange } from './code-point-string.js';
import { drawText, fastArbitrary, pickLength, pickOne, UNBOUNDED_LENGTH_CAP } from './fast-arbitrary.js';
import { atomsRegExp, parsePattern, type Atom } from './regex.js';

/** A pattern made of character-class atoms, ready to generate from. */
export interface PatternModel {
  readonly regex: RegExp;
  readonly atoms: readonly Atom[];
  /** One alphabet per atom: each range or listed character of its class is a group, so rare listed ones come up. */
  readonly alphabets: readonly Alphabet[];
  /** Every code point any atom allows. */
  readonly allowed: readonly Segment[];
}

/** Parses a pattern into a model, or undefined when its shape is beyond the atom generator (see parsePattern). */
export function compilePattern(pattern: string): PatternModel | undefined {
  const atoms = parsePattern(pattern);
  if (!atoms || atoms.length === 0) return undefined;
  return {
    regex: new RegExp(pattern, 'u'),
    atoms,
    alphabets: atoms.map((atom) => alphabet(atom.segments.map((segment) => ({ segments: [segment] })))),
    allowed: atoms.flatMap((atom) => atom.segments),
  };
}

const lengthOf = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** How many characters each atom gets for a total of `total` (as close as the atoms' bounds allow). */
function share(mrng: fc.Random, atoms: readonly Atom[], total: number, cap: number): number[] {
  const counts = atoms.map((atom) => atom.min);
  let extra = total - counts.reduce((a, b) => a + b, 0);
  const variable = atoms.map((atom, index) => (atom.max > atom.min ? index : -1)).filter((index) => index >= 0);
  variable.forEach((index, position) => {
    const atom = atoms[index] as Atom;
    const room = Math.min(atom.max, cap) - atom.min;
    const add = position === variable.length - 1 ? Math.min(room, extra) : mrng.nextInt(0, Math.min(room, extra));
    counts[index] = atom.min + add;
    extra -= add;
  });
  return counts;
}

/** One to six characters from one of the ranges. */
function lookalikeWord(mrng: fc.Random, ranges: ReadonlyArray<{ from: number; to: number }>): string {
  const range = pickOne(mrng, ranges);
  let out = '';
  for (let n = mrng.nextInt(1, 6); n > 0; n--) out += String.fromCodePoint(mrng.nextInt(range.from, range.to));
  return out;
}

/**
 * Text that reads like something else: words from one range of the last atom's class joined by its listed characters,
 * in four shapes: one word (`123`), two words (`a|b`), three words with two different joiners (`a@b.com`), two words
 * and a doubled joiner (`a..b`). Undefined when the class has no such parts or the result misses the pattern.
 */
function lookalike(mrng: fc.Random, model: PatternModel, range: LengthRange): string | undefined {
  const last = model.atoms[model.atoms.length - 1];
  if (!last || last.max < 2) return undefined;
  const ranges = last.segments.filter((s) => s.to > s.from);
  const joiners = last.segments.filter((s) => s.to === s.from).map((s) => String.fromCodePoint(s.from));
  if (ranges.length === 0 || joiners.length === 0) return undefined;
  const first = pickOne(mrng, joiners);
  const second = joiners.length > 1 ? pickOne(mrng, joiners.filter((j) => j !== first)) : first;
  const shape = mrng.nextInt(0, 3);
  let out = lookalikeWord(mrng, ranges);
  if (shape === 1) out += first + lookalikeWord(mrng, ranges);
  else if (shape === 2) out += first + lookalikeWord(mrng, ranges) + second + lookalikeWord(mrng, ranges);
  else if (shape === 3) out += first + first + lookalikeWord(mrng, ranges);
  const length = lengthOf(out);
  return length >= range.minLength && length <= range.maxLength && model.regex.test(out) ? out : undefined;
}

/**
 * Strings matching the pattern with `minLength`..`maxLength` code points: exact boundary lengths, every listed character
 * in every position (a listed character weighs 1, a range the square root of its size), and look-alikes one time in 8.
 */
export function patternString(model: PatternModel, range: LengthRange): fc.Arbitrary<string> {
  const { atoms, alphabets } = model;
  const low = Math.max(range.minLength, atoms.reduce((sum, a) => sum + a.min, 0));
  const high = Math.min(range.maxLength, atoms.reduce((sum, a) => sum + a.max, 0));
  if (low > high) throw new Error(`no string of ${range.minLength}..${range.maxLength} characters matches ${model.regex.source}`);
  const generatedHigh = Number.isFinite(high) ? high : low + UNBOUNDED_LENGTH_CAP;
  const make = (mrng: fc.Random): string => {
    if (mrng.nextInt(0, 7) === 0) {
      const text = lookalike(mrng, model, range);
      if (text !== undefined) return text;
    }
    const counts = share(mrng, atoms, pickLength(mrng, low, generatedHigh), generatedHigh);
    let out = '';
    counts.forEach((count, index) => {
      out += drawText(mrng, count, (alphabets[index] as Alphabet).draw);
    });
    return out;
  };
  const splitter = atomsRegExp(atoms);
  const unmap = (value: unknown): number[][] => {
    const match = typeof value === 'string' ? splitter.exec(value) : null;
    if (!match) throw new Error('does not match the pattern');
    return match.slice(1).map(toCodePoints);
  };
  const parts = atoms.map((atom, index) => codePointArray((alphabets[index] as Alphabet).unit, { minLength: atom.min, maxLength: Math.min(atom.max, high) }));
  const shrinker = fc.tuple(...parts)
    .map((pieces) => pieces.map(fromCodePoints).join(''), unmap)
    .filter((text) => {
      const length = lengthOf(text);
      return length >= low && length <= high;
    });
  return fastArbitrary(make, shrinker);
}
