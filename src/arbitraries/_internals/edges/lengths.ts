/**
 * Values of an exact length in code points (the contract's unit) made of units that other counting rules measure
 * differently: UTF-8 bytes and UTF-16 units count more than code points (a limit too strict at the maximum), grapheme
 * counters count less (a limit too loose one past it). Each limit is tried at its maximum and one past under every
 * rule, so a counter that disagrees with code points is caught on the side where it errs.
 */
import { BYTE_CLASSES } from './tokens.js';

/** A unit repeated to make a length: its name in edge classes and its text (one or more code points). */
export interface LengthUnit {
  readonly name: string;
  readonly text: string;
}

/**
 * Units a grapheme counter sees as one character: a letter and a combining accent, a heart with an emoji variation
 * selector, a ZWJ family, a flag (two regional indicators), a thumb with a skin-tone modifier.
 */
export const GRAPHEME_UNITS: readonly LengthUnit[] = [
  { name: 'combining', text: 'e\u0301' },
  { name: 'variation-selector', text: '\u2764\ufe0f' },
  { name: 'zwj-sequence', text: '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}' },
  { name: 'regional-indicators', text: '\u{1f1eb}\u{1f1f7}' },
  { name: 'skin-tone', text: '\u{1f44d}\u{1f3fd}' },
];

/** One character of each UTF-8 byte length: a code point each, more bytes and (astral) two UTF-16 units. */
export const CODE_UNIT_UNITS: readonly LengthUnit[] = BYTE_CLASSES.map(({ name, char }) => ({ name, text: char }));

const lengthOf = (text: string): number => [...text].length;

/** `unit` repeated as often as fits in `length` code points, then `filler` (one code point) up to exactly `length`. */
export function ofLength(unit: LengthUnit, length: number, filler = 'e'): string {
  const size = lengthOf(unit.text);
  const whole = Math.floor(length / size);
  return unit.text.repeat(whole) + filler.repeat(length - whole * size);
}
