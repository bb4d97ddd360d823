import { alphabet, charsOf, complement, type Alphabet, type Segment } from './alphabet.js';

/**
 * Where a generated string will travel, which decides the characters worth trying. Not contract knowledge: these are
 * the places HTTP carries text, and the characters that break naive code there.
 * - `json`: a JSON string in a body, so anything (the serialiser escapes).
 * - `path`: a path segment, so characters that must be percent-encoded (space `/` `%` `?` `#`, non-ASCII) and dots.
 * - `header`: a header value: visible ASCII only, since HTTP trims surrounding whitespace and rejects controls
 *   (a value that changes on the wire would make "invalid" data valid, or the reverse).
 */
export type TextStyle = 'json' | 'path' | 'header';

const LOWER: Segment = { from: 0x61, to: 0x7a };
const PRINTABLE: Segment = { from: 0x20, to: 0x7e };
const VISIBLE: Segment = { from: 0x21, to: 0x7e };
const ALL: Segment = { from: 0, to: 0x10ffff };

/**
 * Characters that trip up length counting, normalisation and rendering: combining marks, zero-width joiners and
 * spaces, a byte-order mark, bidi override, line separator, non-ASCII letters, astral symbols, the last code point.
 */
export const TRICKY = charsOf('\u0301\u0300\u200b\u200c\u200d\ufeff\u00a0\u2028\u202e\u00e9\u00df\u4e2d\u{1f600}\u{1d11e}\u{10ffff}\u0000');

/** Characters that must be percent-encoded in a path segment, or that mean something there when raw. */
export const PATH_SPECIAL = charsOf(' /%?#.+&=;:@|\\~[]"<>`^{}\'!$*(),');

const STYLES: Record<TextStyle, Alphabet> = {
  json: alphabet([{ segments: [LOWER], weight: 4 }, { segments: [PRINTABLE], weight: 6 }, { segments: TRICKY, weight: 4 }, { segments: [ALL], weight: 2 }]),
  path: alphabet([{ segments: [LOWER], weight: 4 }, { segments: [PRINTABLE], weight: 4 }, { segments: PATH_SPECIAL, weight: 4 }, { segments: TRICKY, weight: 3 }, { segments: [ALL], weight: 1 }]),
  header: alphabet([{ segments: [LOWER], weight: 4 }, { segments: [VISIBLE], weight: 6 }]),
};

/** The alphabet for free text of a style. */
export const textAlphabet = (style: TextStyle): Alphabet => STYLES[style];

/**
 * Characters worth trying where a pattern forbids them (never one of `allowed`): `prefer`red ones first (the caller's
 * near misses), then visible ASCII, the path specials and tricky ones, then anything.
 */
export function outsiders(style: TextStyle, allowed: readonly Segment[], prefer: readonly Segment[] = []): Alphabet {
  const groups = style === 'header'
    ? [{ segments: prefer, weight: 4 }, { segments: [VISIBLE], weight: 4 }]
    : [{ segments: prefer, weight: 4 }, { segments: [PRINTABLE], weight: 6 }, { segments: PATH_SPECIAL, weight: 4 }, { segments: TRICKY, weight: 3 }, { segments: [ALL], weight: 1 }];
  // Header values must stay visible ASCII whatever the caller prefers: anything else changes or fails on the wire.
  return alphabet(groups, style === 'header' ? [...allowed, ...complement([VISIBLE])] : allowed);
}
