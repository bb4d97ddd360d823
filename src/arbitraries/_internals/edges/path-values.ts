/**
 * Deterministic edge values of one path parameter, from the intent reading of its schema: boundary lengths in code
 * points of each UTF-8 byte length, and each telling character in every position the schema allows. The schema
 * decides what is legal: every candidate is kept only when the compiled schema accepts it.
 */
import { compiled } from '../guard.js';
import type { Site } from '../model.js';
import { compilePattern } from '../pattern-string.js';
import { lengthRange } from '../scalars.js';
import { lengthEdges as stringLengthEdges } from './string-values.js';
import { BYTE_CLASSES, decoderTokens, tokenName, type Token } from './tokens.js';

/** An edge value: its edge class (`path/id:char:.#last`), family (the class without its `#variant`) and catalogue kind. */
export interface EdgeValue {
  readonly value: string;
  readonly edgeClass: string;
  readonly family: string;
  readonly kind: string;
  /** For character edges: the text placed. */
  readonly token?: string;
}

/**
 * Where a token is placed: `edges`, at the start, in the middle and at the end of one value (as many of those as the
 * schema allows), and `alone`. One value per token keeps every position on existing data at half the set-up cost.
 */
export const POSITIONS = ['edges', 'alone'] as const;
export type Position = (typeof POSITIONS)[number];

const lengthOf = (text: string): number => [...text].length;

/** The pattern's own characters: each listed one, and both ends of each range (`a`, `z`, `_`, `|`...). */
function patternTokens(pattern: string | undefined): Token[] {
  const model = pattern === undefined ? undefined : compilePattern(pattern);
  const points = (model?.atoms ?? []).flatMap((atom) => atom.segments.flatMap((s) => (s.from === s.to ? [s.from] : [s.from, s.to])));
  return [...new Set(points)].map((point) => String.fromCodePoint(point)).map((text) => ({ text, name: tokenName(text) }));
}

/** Every character the pattern lists or spans (for the every-char value), when there are at most `cap` of them. */
function everyPatternChar(pattern: string | undefined, cap: number): string[] {
  const segments = (pattern === undefined ? undefined : compilePattern(pattern))?.atoms.flatMap((atom) => atom.segments) ?? [];
  if (segments.reduce((sum, s) => sum + s.to - s.from + 1, 0) > 4 * cap) return [];
  const points = new Set(segments.flatMap((s) => Array.from({ length: s.to - s.from + 1 }, (_, i) => s.from + i)));
  return points.size > cap ? [] : [...points].map((point) => String.fromCodePoint(point));
}

/** A character legal anywhere the pattern allows (so it can surround a token): the pattern's first, else `a`. */
function fillerOf(pattern: string | undefined): string | undefined {
  const regex = pattern === undefined ? undefined : new RegExp(pattern, 'u');
  const first = pattern === undefined ? [] : (compilePattern(pattern)?.atoms[0]?.segments ?? []).map((s) => String.fromCodePoint(s.from));
  return [...first, 'a', 'A', '0', 'x'].find((char) => !regex || [1, 2, 3].every((n) => regex.test(char.repeat(n))));
}

/** The token between fillers (`a+a`), padded with the filler up to `minLength`: a middle position. */
function between(token: string, filler: string, minLength: number): string {
  return filler + token + filler.repeat(Math.max(1, minLength - lengthOf(token) - 1));
}

/**
 * The token at a position. `edges`: at the start, in the middle and at the end (`+a+a+`), or, where the schema forbids
 * some of those, at the ones it allows (`a.a.` for a slug that must start with a letter); `alone`: the token itself.
 */
function placed(token: string, position: Position, filler: string, minLength: number, accepts: (value: string) => boolean): string | undefined {
  if (position === 'alone') return accepts(token) ? token : undefined;
  const gap = filler.repeat(Math.max(1, Math.ceil((minLength - 3 * lengthOf(token)) / 2)));
  const candidates = [token + gap + token + gap + token, gap + token + gap + token, token + gap + token + gap, between(token, filler, minLength), token + gap, gap + token];
  return candidates.find(accepts);
}

/** Boundary lengths of each byte class: the minimum (at least 1: a path segment cannot be empty) and the maximum. */
function lengthEdges(prefix: string, minLength: number, maxLength: number): EdgeValue[] {
  const low = Math.max(1, minLength);
  const lows = minLength >= 1 ? { label: 'minLength', length: low } : { label: 'length1', length: 1 };
  const bounds = Number.isFinite(maxLength) && maxLength > low ? [lows, { label: 'maxLength', length: maxLength }] : [lows];
  return bounds.flatMap(({ label, length }) => BYTE_CLASSES.map(({ name, char }) => {
    const edgeClass = `${prefix}:${label}:${name}`;
    return { value: char.repeat(length), edgeClass, family: edgeClass, kind: 'validator/length-code-units' };
  }));
}

/**
 * Every token legal in the middle, each between fillers, then padded to the maximum length with characters of each
 * byte class in turn (those the schema allows): the longest value that holds every character edge at once.
 */
function everyChar(prefix: string, middles: readonly string[], filler: string, padding: readonly string[], maxLength: number): EdgeValue | undefined {
  let value = filler;
  for (const token of middles) {
    if (Number.isFinite(maxLength) && lengthOf(value + token + filler) > maxLength) break;
    value += token + filler;
  }
  const pad = padding.length > 0 ? padding : [filler];
  for (let i = 0; Number.isFinite(maxLength) && lengthOf(value) < maxLength; i++) value += pad[i % pad.length];
  const edgeClass = `${prefix}:${Number.isFinite(maxLength) ? 'maxLength' : 'long'}:every-char`;
  return { value, edgeClass, family: edgeClass, kind: 'router/percent-decoding' };
}

/** The maximum length in each grapheme-forming unit, where the schema takes such text (a grapheme counter's blind spot). */
function graphemeLengths(site: Site, prefix: string): EdgeValue[] {
  return stringLengthEdges(site.schema).filter((edge) => edge.kind === 'validator/length-graphemes' && edge.breaks === undefined)
    .map((edge) => ({ value: edge.value, edgeClass: `${prefix}:${edge.name}`, family: `${prefix}:${edge.name}`, kind: edge.kind }));
}

/** The edge values of a path parameter, in a fixed order: lengths, every-char, then each token at the edges and alone. */
export function pathEdgeValues(site: Site): EdgeValue[] {
  const accepts = compiled(site.schema);
  const prefix = `${site.part}${site.pointer}`;
  const { minLength, maxLength } = lengthRange(site.schema);
  const pattern = typeof site.schema['pattern'] === 'string' ? site.schema['pattern'] : undefined;
  const lengths = lengthEdges(prefix, minLength, maxLength).filter((edge) => accepts(edge.value));
  const filler = fillerOf(pattern);
  if (filler === undefined) return lengths;
  const seen = new Set<string>();
  const tokens = [...patternTokens(pattern), ...decoderTokens()].filter((token) => !seen.has(token.text) && Boolean(seen.add(token.text)));
  const chars: EdgeValue[] = tokens.flatMap((token) => POSITIONS.flatMap((position) => {
    const family = `${prefix}:char:${token.name}`;
    const value = placed(token.text, position, filler, minLength, accepts);
    return value === undefined ? [] : [{ value, edgeClass: `${family}#${position}`, family, kind: 'router/percent-decoding', token: token.text }];
  }));
  const inMiddle = (token: string): boolean => accepts(between(token, filler, minLength));
  const tokenMiddles = chars.filter((edge) => edge.edgeClass.endsWith('#edges') && inMiddle(edge.token ?? '')).map((edge) => edge.token ?? '');
  const cap = Number.isFinite(maxLength) ? Math.floor(maxLength / 2) : 256;
  const patternMiddles = everyPatternChar(pattern, cap).filter(inMiddle);
  const middles = [...new Set([...tokenMiddles, ...patternMiddles])];
  const padding = BYTE_CLASSES.map(({ char }) => char).filter((char) => accepts(filler + char + filler));
  const every = everyChar(prefix, middles, filler, padding, maxLength);
  // A value may carry two classes (`é` is both the 2-byte minimum and non-ASCII alone): each is listed.
  return [...lengths, ...graphemeLengths(site, prefix), ...(every && accepts(every.value) ? [every] : []), ...chars];
}

/** An invalid edge value of a path parameter, with the constraint it breaks. */
export interface InvalidEdgeValue {
  readonly value: string;
  readonly edgeClass: string;
  readonly kind: string;
  readonly keyword: 'minLength' | 'maxLength' | 'pattern';
}

/**
 * Invalid edge values: one code point under the minimum length, one over the maximum (1- and 4-byte characters), and each telling
 * character the schema forbids, once, first (where a slug pattern is strictest). Kept only when the compiled
 * schema rejects them, each tagged with the keyword it breaks.
 */
export function invalidPathEdgeValues(site: Site): InvalidEdgeValue[] {
  const accepts = compiled(site.schema);
  const prefix = `${site.part}${site.pointer}`;
  const { minLength, maxLength } = lengthRange(site.schema);
  const pattern = typeof site.schema['pattern'] === 'string' ? site.schema['pattern'] : undefined;
  const filler = fillerOf(pattern) ?? 'a';
  // One code point short of the minimum: under the intent reading this may be a repair (`integrationId: ""`),
  // which the checks then hold to neither reading's answer.
  const under: InvalidEdgeValue[] = minLength > 0 ? [{ value: filler.repeat(minLength - 1), edgeClass: `${prefix}:minLength-1`, kind: 'validator/null-empty', keyword: 'minLength' }] : [];
  const over: InvalidEdgeValue[] = Number.isFinite(maxLength)
    ? BYTE_CLASSES.filter(({ name }) => name === '1-byte' || name === '4-byte').map(({ name, char }) => ({ value: filler + char.repeat(maxLength), edgeClass: `${prefix}:maxLength+1:${name}`, kind: 'validator/length-code-units', keyword: 'maxLength' as const }))
    : [];
  const pastGraphemes: InvalidEdgeValue[] = stringLengthEdges(site.schema).filter((edge) => edge.kind === 'validator/length-graphemes' && edge.breaks === 'maxLength')
    .map((edge) => ({ value: edge.value, edgeClass: `${prefix}:${edge.name}`, kind: edge.kind, keyword: 'maxLength' as const }));
  const seen = new Set<string>();
  const forbidden: InvalidEdgeValue[] = pattern === undefined ? [] : decoderTokens()
    .filter((token) => !seen.has(token.text) && Boolean(seen.add(token.text)))
    .map((token) => ({ value: token.text + filler.repeat(Math.max(1, minLength - lengthOf(token.text))), edgeClass: `${prefix}:forbidden-char:${token.name}`, kind: 'validator/pattern', keyword: 'pattern' as const }));
  return [...under, ...over, ...pastGraphemes, ...forbidden].filter((edge) => !accepts(edge.value));
}
