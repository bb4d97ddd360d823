import fc from 'fast-check';
import type { JsonSchema } from '../../../contract/types.js';
import type { Part } from '../../../validators/index.js';
import { alphabet, type Alphabet } from '../alphabet.js';
import { codePoint, codePointString } from '../code-point-string.js';
import { compilePattern, patternString, type PatternModel } from '../pattern-string.js';
import { lengthRange, stringArbitrary } from '../scalars.js';
import { outsiders, textAlphabet, type TextStyle } from '../unicode.js';
import { fixedMutator, type Mutator } from './mutator.js';

const lengthOf = (text: string): number => [...text].length;

/** Replaces the code point at `index` (modulo the length) with `point`. */
function replaceAt(text: string, index: number, point: number): string {
  const chars = [...text];
  chars[index % chars.length] = String.fromCodePoint(point);
  return chars.join('');
}

/** Characters that must not open the string: listed later in the pattern (`.`, `_`) first, then any outsider. */
function badFirst(model: PatternModel, style: TextStyle): Alphabet {
  const first = model.atoms[0]?.segments ?? [];
  const later = model.atoms.slice(1).flatMap((atom) => atom.segments);
  return outsiders(style, first, later);
}

/** Pattern breakers: a bad first character, and an illegal character anywhere; lengths stay within range. */
function patternMutators(model: PatternModel, schema: JsonSchema, tag: { part: Part; pointer: string }, style: TextStyle): Mutator<string>[] {
  const range = lengthRange(schema);
  const nonEmpty = { minLength: Math.max(1, range.minLength), maxLength: range.maxLength };
  if (nonEmpty.minLength > nonEmpty.maxLength) return [];
  const valid = patternString(model, nonEmpty);
  const breaks = { ...tag, keyword: 'pattern' };
  const misses = (text: string): boolean => !model.regex.test(text);
  const first = badFirst(model, style);
  const anywhere = outsiders(style, model.allowed);
  return [
    fixedMutator(breaks, fc.tuple(valid, codePoint(first)).map(([text, point]) => replaceAt(text, 0, point)).filter(misses), 'first'),
    fixedMutator(breaks, fc.tuple(valid, fc.nat(), codePoint(anywhere)).map(([text, index, point]) => replaceAt(text, index, point)).filter(misses), 'char'),
  ];
}

/**
 * Every way to break a string schema's own constraints one at a time: too short (`minLength`), too long (`maxLength`,
 * still matching the pattern), the pattern (a bad first character, an illegal one anywhere), not an enum member.
 */
export function stringMutators(schema: JsonSchema, tag: { part: Part; pointer: string }, style: TextStyle): Mutator<string>[] {
  const { minLength, maxLength } = lengthRange(schema);
  const pattern = typeof schema['pattern'] === 'string' ? schema['pattern'] : undefined;
  const model = pattern === undefined ? undefined : compilePattern(pattern);
  const mutators: Mutator<string>[] = [];
  if (minLength > 0) {
    const chars = model ? alphabet([{ segments: model.allowed }]) : textAlphabet(style);
    mutators.push(fixedMutator({ ...tag, keyword: 'minLength' }, codePointString(chars, { minLength: 0, maxLength: minLength - 1 })));
  }
  // Too long but otherwise valid needs a generator that reaches the length: the atom generator does, fast-check's
  // stringMatching (other patterns) does not; formats' generators rarely do, so those are made too long as free text.
  if (Number.isFinite(maxLength) && (model || pattern === undefined)) {
    const tooLong = { minLength: Math.max(minLength, maxLength + 1), maxLength: 2 * maxLength + 1 };
    const values = !model && typeof schema['format'] === 'string' ? codePointString(textAlphabet(style), tooLong) : stringArbitrary(schema, style, tooLong);
    mutators.push(fixedMutator({ ...tag, keyword: 'maxLength' }, values));
  }
  if (model) mutators.push(...patternMutators(model, schema, tag, style));
  else if (pattern !== undefined) {
    const regex = new RegExp(pattern, 'u');
    const misses = (text: string): boolean => !regex.test(text) && lengthOf(text) >= minLength && lengthOf(text) <= maxLength;
    mutators.push(fixedMutator({ ...tag, keyword: 'pattern' }, codePointString(textAlphabet(style), { minLength, maxLength }).filter(misses)));
  }
  const members = Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]).filter((m): m is string => typeof m === 'string') : [];
  if (members.length > 0) {
    const outside = (text: string): boolean => !(schema['enum'] as unknown[]).includes(text) && lengthOf(text) >= minLength && lengthOf(text) <= maxLength;
    const near = fc.tuple(fc.constantFrom(...members), codePointString(textAlphabet(style), { minLength: 1, maxLength: 3 })).map(([member, suffix]) => member + suffix);
    mutators.push(fixedMutator({ ...tag, keyword: 'enum' }, fc.oneof(near, near.map((text) => text.toLowerCase())).filter(outside)));
  }
  return mutators;
}
