import { complement, withoutSurrogates, type Segment } from './alphabet.js';

/** One piece of a pattern: a set of characters repeated `min`..`max` times (`max` may be Infinity). */
export interface Atom {
  readonly segments: readonly Segment[];
  readonly min: number;
  readonly max: number;
}

const DIGIT: Segment[] = [{ from: 0x30, to: 0x39 }];
const WORD: Segment[] = [{ from: 0x61, to: 0x7a }, { from: 0x41, to: 0x5a }, ...DIGIT, { from: 0x5f, to: 0x5f }];
const SPACE: Segment[] = [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0xfeff].map((p) => ({ from: p, to: p }));
const CLASS_ESCAPES: Record<string, Segment[]> = { d: DIGIT, w: WORD, s: SPACE, D: complement(DIGIT), W: complement(WORD), S: complement(SPACE) };
const CONTROL_ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, f: 0x0c, v: 0x0b, '0': 0 };

/** Reads one (possibly escaped) character at `i`; returns its segments and the next index, or undefined if unsupported. */
function readChar(source: string, i: number): { segments: Segment[]; next: number } | undefined {
  const char = String.fromCodePoint(source.codePointAt(i) ?? 0);
  if (char !== '\\') return { segments: [{ from: char.codePointAt(0) ?? 0, to: char.codePointAt(0) ?? 0 }], next: i + char.length };
  const escaped = source[i + 1];
  if (escaped === undefined) return undefined;
  const group = CLASS_ESCAPES[escaped];
  if (group) return { segments: group, next: i + 2 };
  const control = CONTROL_ESCAPES[escaped];
  if (control !== undefined) return { segments: [{ from: control, to: control }], next: i + 2 };
  const unicode = /^u\{([0-9a-fA-F]{1,6})\}|^u([0-9a-fA-F]{4})|^x([0-9a-fA-F]{2})/.exec(source.slice(i + 1));
  if (unicode) {
    const point = Number.parseInt(unicode[1] ?? unicode[2] ?? unicode[3] ?? '0', 16);
    return { segments: [{ from: point, to: point }], next: i + 1 + unicode[0].length };
  }
  // Identity escapes of syntax characters only (the `u` flag forbids the rest); `\b`, backreferences: unsupported.
  if (!/[\\^$.*+?()[\]{}|/-]/.test(escaped)) return undefined;
  const point = escaped.codePointAt(0) ?? 0;
  return { segments: [{ from: point, to: point }], next: i + 2 };
}

/** Reads a `[...]` class starting after `[`; returns its segments (as written, one per range or char) and the index after `]`. */
function readClass(source: string, start: number): { segments: Segment[]; next: number } | undefined {
  let i = start;
  const negated = source[i] === '^';
  if (negated) i++;
  const segments: Segment[] = [];
  while (i < source.length && source[i] !== ']') {
    const low = readChar(source, i);
    if (!low) return undefined;
    i = low.next;
    const single = low.segments.length === 1 && low.segments[0]?.from === low.segments[0]?.to ? low.segments[0] : undefined;
    if (single && source[i] === '-' && source[i + 1] !== ']' && i + 1 < source.length) {
      const high = readChar(source, i + 1);
      const top = high?.segments.length === 1 ? high.segments[0] : undefined;
      if (!high || !top || top.from !== top.to || top.from < single.from) return undefined;
      segments.push({ from: single.from, to: top.from });
      i = high.next;
    } else segments.push(...low.segments);
  }
  if (source[i] !== ']') return undefined;
  return { segments: (negated ? complement(segments) : segments).flatMap(withoutSurrogates), next: i + 1 };
}

/** Reads a quantifier at `i` (or none: exactly once). */
function readQuantifier(source: string, i: number): { min: number; max: number; next: number } | undefined {
  const char = source[i];
  if (char === '*') return { min: 0, max: Infinity, next: i + 1 };
  if (char === '+') return { min: 1, max: Infinity, next: i + 1 };
  if (char === '?') return { min: 0, max: 1, next: i + 1 };
  if (char !== '{') return { min: 1, max: 1, next: i };
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
  if (!braces) return undefined;
  const min = Number(braces[1]);
  const max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
  return max < min ? undefined : { min, max, next: i + braces[0].length };
}

/**
 * Parses an anchored pattern made of character classes, escapes and literals with quantifiers (`^[a-z][a-z0-9_-]*$`)
 * into atoms. Returns undefined for anything else (groups, alternation, lookaround, lazy quantifiers, `.`), for which
 * the caller falls back to fast-check's `stringMatching`. Unanchored patterns are not supported either: generating the
 * anchored reading would be correct but would never try the "anything around it" the pattern allows.
 */
export function parsePattern(pattern: string): Atom[] | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return undefined;
  const source = pattern.slice(1, -1);
  const atoms: Atom[] = [];
  let i = 0;
  while (i < source.length) {
    if ('()|.^$*+?{}'.includes(source[i] ?? '')) return undefined;
    const read = source[i] === '[' ? readClass(source, i + 1) : readChar(source, i);
    if (!read || read.segments.length === 0) return undefined;
    const quantifier = readQuantifier(source, read.next);
    if (!quantifier || source[quantifier.next] === '?') return undefined;
    atoms.push({ segments: read.segments, min: quantifier.min, max: quantifier.max });
    i = quantifier.next;
  }
  return atoms;
}

/** A regex with one capture group per atom, to split a matching string back into its atoms (for shrinking). */
export function atomsRegExp(atoms: readonly Atom[]): RegExp {
  const hex = (point: number): string => `\\u{${point.toString(16)}}`;
  const groups = atoms.map(({ segments, min, max }) => {
    const set = segments.map((s) => (s.from === s.to ? hex(s.from) : `${hex(s.from)}-${hex(s.to)}`)).join('');
    return `([${set}]{${min},${Number.isFinite(max) ? max : ''}})`;
  });
  return new RegExp(`^${groups.join('')}$`, 'u');
}
