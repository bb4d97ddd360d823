/**
 * The texts worth placing in a value on purpose, each with a stable ASCII name for its edge class. Not contract
 * knowledge (the contract decides which of them are legal where): these are the characters that URL, form and path
 * decoders treat specially, and one character of each UTF-8 byte length.
 */
import { PATH_SPECIAL } from '../unicode.js';

/** A text placed in edge values, and the name its edge classes carry. */
export interface Token {
  readonly text: string;
  readonly name: string;
}

/** One character per UTF-8 byte length (the last one astral: two UTF-16 units), for boundary lengths. */
export const BYTE_CLASSES: ReadonlyArray<{ readonly name: string; readonly char: string }> = [
  { name: '1-byte', char: 'a' },
  { name: '2-byte', char: '\u00e9' },
  { name: '3-byte', char: '\u4e2d' },
  { name: '4-byte', char: '\u{1f600}' },
];

/**
 * Texts decoders get wrong, most telling first: dot segments, an encoded slash, `+` (space in forms only), `%`
 * followed by hex digits (double decoding), a bare `%`, the literal `%25`; then every other character with a meaning
 * in a path (gen-delims, sub-delims, space...), then non-ASCII and astral characters.
 */
const DECODER_TEXTS = ['..', '.', '%2F', '+', '%41', '%', '%25'];
const NON_ASCII = ['\u00e9', '\u4e2d', '\u{1f600}'];

/** The stable name of a text in an edge class: printable ASCII as itself, space as `space`, others as `U+XXXX`. */
export function tokenName(text: string): string {
  if (text === ' ') return 'space';
  if (/^[\x21-\x7e]+$/.test(text)) return text;
  return [...text].map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join('');
}

const fromCodePoint = (point: number): string => String.fromCodePoint(point);

/** The decoder tokens, in priority order, each once. */
export function decoderTokens(): Token[] {
  const singles = PATH_SPECIAL.map((segment) => fromCodePoint(segment.from));
  const texts = [...new Set([...DECODER_TEXTS, ...singles, ...NON_ASCII])];
  return texts.map((text) => ({ text, name: tokenName(text) }));
}
