/**
 * Edge values of one string schema, each with its name, its edge kind and whether the schema accepts it: every length
 * limit at its maximum and one past under each counting rule, and (for free text) the texts serialisers mangle, the
 * naughty-string list and strings that look like other JSON types. The schema decides: a candidate meant to be
 * valid is kept only when the compiled schema accepts it, one meant to break a length only when it rejects it.
 */
import type { JsonSchema } from '../../../contract/types.js';
import { compiled } from '../guard.js';
import { lengthRange } from '../scalars.js';
import { naughtyStringsOf, representativeNaughtyStrings } from './corpus.js';
import { CODE_UNIT_UNITS, GRAPHEME_UNITS, ofLength, type LengthUnit } from './lengths.js';

/** A string edge: `name` goes into the edge class (`maxLength+1:zwj-sequence`, `corpus:numeric-strings#3`). */
export interface StringEdge {
  readonly name: string;
  readonly value: string;
  readonly kind: string;
  /** Undefined for a valid value; the keyword it breaks otherwise. */
  readonly breaks?: 'maxLength';
}

/**
 * Texts a provider's decoding, storage or trimming gets wrong: whitespace at both ends, control characters JSON must
 * escape, quotes and backslashes, characters outside the BMP, a combining sequence, a right-to-left override, a BOM
 * and the separators JavaScript and JSON disagree on, markup, escapes.
 */
const FIELD_TEXTS: ReadonlyArray<{ readonly name: string; readonly text: string }> = [
  { name: 'whitespace-ends', text: ' \t e\u00a0e \n' },
  { name: 'control', text: 'e\u0000e\u0007e\u001f\u007f' },
  { name: 'quote-backslash', text: 'e"e\\e/e\'' },
  { name: 'unicode', text: '\u00e9\u4e2d\u{1f600}e\u0301\u202e\ufeff\u2028\u2029' },
  { name: 'markup-escapes', text: '<b>&amp;%41%2F+\\u0041</b>' },
];

/** The naughty-string sections whose strings look like numbers, booleans or null: the type-coercion layer's values. */
const COERCION_SECTIONS = new Set(['Numeric Strings', 'Reserved Strings']);

/** A string schema that takes any text: no enum, pattern or format to narrow it. */
export const isFreeText = (schema: JsonSchema): boolean =>
  !Array.isArray(schema['enum']) && schema['pattern'] === undefined && schema['format'] === undefined;

const slug = (section: string): string => section.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Every limit at its maximum (valid) and one past (breaks maxLength) in each unit of `units`. */
function limitEdges(maxLength: number, units: readonly LengthUnit[], kind: string, pastAlso: (unit: LengthUnit) => boolean): StringEdge[] {
  return units.flatMap((unit) => [
    { name: `maxLength:${unit.name}`, value: ofLength(unit, maxLength), kind },
    ...(pastAlso(unit) ? [{ name: `maxLength+1:${unit.name}`, value: ofLength(unit, maxLength + 1), kind, breaks: 'maxLength' as const }] : []),
  ]);
}

/**
 * The length edges: at the maximum in each UTF-8 byte length (a byte or UTF-16 counter refuses them) and in each
 * grapheme-forming unit, one past the maximum in 1-byte characters and in each grapheme-forming unit (a grapheme
 * counter takes them). Bytes and UTF-16 units only ever count more, so one past in those proves nothing new.
 */
export function lengthEdges(schema: JsonSchema): StringEdge[] {
  const { maxLength } = lengthRange(schema);
  if (!Number.isFinite(maxLength)) return [];
  const edges = [
    ...limitEdges(maxLength, CODE_UNIT_UNITS, 'validator/length-code-units', (unit) => unit.name === '1-byte'),
    ...limitEdges(maxLength, GRAPHEME_UNITS, 'validator/length-graphemes', () => true),
  ];
  return keep(schema, edges);
}

/**
 * Free-text values: the texts serialisers mangle, digits filling the maximum length, and every naughty string
 * (its numeric and reserved sections as the type-coercion layer's, the rest as the serialiser's), where they fit.
 */
export function textEdges(schema: JsonSchema): StringEdge[] {
  if (!isFreeText(schema)) return [];
  const { maxLength } = lengthRange(schema);
  const texts: StringEdge[] = FIELD_TEXTS.map(({ name, text }) => ({ name: `chars:${name}`, value: text, kind: 'serializer/escaped-text' }));
  if (Number.isFinite(maxLength)) texts.push({ name: 'digits:maxLength', value: `0${'7'.repeat(Math.max(0, maxLength - 1))}`, kind: 'coercion/numeric-strings' });
  const counts = new Map<string, number>();
  for (const { text, section } of representativeNaughtyStrings()) {
    if (text === '') continue; // the empty string is a null-empty edge of its own
    const index = counts.get(section) ?? 0;
    counts.set(section, index + 1);
    texts.push({ name: `corpus:${slug(section)}#${index}`, value: text, kind: COERCION_SECTIONS.has(section) ? 'coercion/numeric-strings' : 'serializer/corpus-values' });
  }
  return keep(schema, texts);
}

/** The edges whose verdict the schema confirms: valid ones it accepts, breaking ones it rejects. */
function keep(schema: JsonSchema, edges: readonly StringEdge[]): StringEdge[] {
  const accepts = compiled(schema);
  const seen = new Set<string>();
  return edges.filter((edge) => accepts(edge.value) === (edge.breaks === undefined) && !seen.has(edge.value) && Boolean(seen.add(edge.value)));
}

/** Record member texts by layer: number-looking strings of the list for `coercion`; the mangled texts for `serializer`. */
export function recordTexts(layer: 'coercion' | 'serializer'): string[] {
  if (layer === 'serializer') return FIELD_TEXTS.map(({ text }) => text);
  return naughtyStringsOf('Numeric Strings').map(({ text }) => text).filter((text) => /^[+-]?(\d|\.\d|0x)/i.test(text));
}
