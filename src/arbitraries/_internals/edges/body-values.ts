/**
 * Deterministic edge bodies from the intent reading of the body schema: each field at its boundaries (null, empty,
 * exactly the maximum length in each UTF-8 byte length, one past it), every JSON type in place of the body and of
 * each field, the largest valid body. Each invalid one is tagged as the random mutators tag the same breakage.
 */
import { childPointer } from '../../../contract/json.js';
import type { JsonSchema } from '../../../contract/types.js';
import type { Intent, RawBody } from '../../types.js';
import { compiled } from '../guard.js';
import type { Model } from '../model.js';
import { lengthRange } from '../scalars.js';
import { typesOf } from '../walker.js';
import { exampleOf, largestOf, propertiesOf, requiredOf, wrongTypes } from './json-values.js';
import { BYTE_CLASSES } from './tokens.js';

/** A body to send, its edge class (`body/syncedEntityId:maxLength:4-byte`) and what it is meant to exercise. */
export interface EdgeBody {
  readonly body: RawBody;
  readonly edgeClass: string;
  readonly expect: Intent;
}

// Characters JSON must escape as `\u00XX` (six bytes each): the largest valid body in bytes.
const ESCAPED = { name: 'escaped', char: '\u001f' };
// 'e' and a combining acute: two code points, one grapheme, so a grapheme counter lets one past the maximum through.
const COMBINING = 'e\u0301';

/**
 * Texts a provider's decoding, storage or trimming gets wrong, each a valid value of a free-text field: whitespace
 * at both ends, control characters JSON must escape, quotes and backslashes, characters outside the BMP, a combining
 * sequence, a right-to-left override, a BOM and the separators JavaScript and JSON disagree on, markup, escapes.
 */
const FIELD_TEXTS: ReadonlyArray<{ readonly name: string; readonly text: string }> = [
  { name: 'whitespace-ends', text: ' \t e\u00a0e \n' },
  { name: 'control', text: 'e\u0000e\u0007e\u001f' },
  { name: 'quote-backslash', text: 'e"e\\e/e\'' },
  { name: 'unicode', text: '\u00e9\u4e2d\u{1f600}e\u0301\u202e\ufeff\u2028\u2029' },
  { name: 'markup-escapes', text: '<b>&amp;%41%2F+\\u0041' },
];

const valid = (): Intent => ({ intent: 'valid' });
const breaking = (pointer: string, keyword: string): Intent => ({ intent: 'invalid', breaks: { part: 'body', pointer, keyword } });
const json = (value: unknown): RawBody => ({ kind: 'json', value });

/** The body with `value` at a property path (`[]` replaces the body itself). */
function setAt(base: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const object = base !== null && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  return { ...object, [head]: setAt(object[head], rest, value) };
}

/**
 * String boundaries of one field: null, empty (or one short of the minimum), texts that decoders and stores mangle
 * (free-text fields only), the maximum of each byte length, one past.
 */
function stringEdges(schema: JsonSchema, label: string, pointer: string): Array<{ name: string; value: unknown; expect: Intent }> {
  const { minLength, maxLength } = lengthRange(schema);
  const types = typesOf(schema) ?? [];
  const out: Array<{ name: string; value: unknown; expect: Intent }> = [];
  if (types.includes('null')) out.push({ name: 'null', value: null, expect: valid() });
  out.push(minLength === 0 ? { name: 'empty', value: '', expect: valid() } : { name: 'minLength-1', value: 'e'.repeat(minLength - 1), expect: breaking(pointer, 'minLength') });
  const fits = (text: string): boolean => [...text].length >= minLength && [...text].length <= maxLength && !Array.isArray(schema['enum']) && schema['pattern'] === undefined;
  for (const { name, text } of FIELD_TEXTS) if (fits(text)) out.push({ name: `chars:${name}`, value: text, expect: valid() });
  if (Number.isFinite(maxLength)) {
    for (const { name, char } of BYTE_CLASSES) out.push({ name: `maxLength:${name}`, value: char.repeat(maxLength), expect: valid() });
    out.push({ name: 'maxLength+1:1-byte', value: 'e'.repeat(maxLength + 1), expect: breaking(pointer, 'maxLength') });
    if ((maxLength + 1) % 2 === 0) out.push({ name: 'maxLength+1:combining', value: COMBINING.repeat((maxLength + 1) / 2), expect: breaking(pointer, 'maxLength') });
  }
  return out.map((edge) => ({ ...edge, name: `${label}:${edge.name}` }));
}

/** Edges of one field and, recursively, of its declared properties. */
function fieldEdges(schema: JsonSchema, path: readonly string[], pointer: string, base: unknown): EdgeBody[] {
  const label = `body${pointer}`;
  const types = typesOf(schema) ?? [];
  const edges = types.includes('string') && path.length > 0 ? stringEdges(schema, label, pointer) : [];
  edges.push(...wrongTypes(schema).map(({ name, value }) => ({ name: `${label}:type:${name}`, value, expect: breaking(pointer, 'type') })));
  const out = edges.map((edge) => ({ body: json(setAt(base, path, edge.value)), edgeClass: edge.name, expect: edge.expect }));
  if (!types.includes('object')) return out;
  const here = path.length === 0 ? base : exampleOf(schema);
  for (const name of requiredOf(schema)) {
    const without = Object.fromEntries(Object.entries(here as Record<string, unknown>).filter(([key]) => key !== name));
    out.push({ body: json(setAt(base, path, without)), edgeClass: `body${childPointer(pointer, name)}:required`, expect: breaking(childPointer(pointer, name), 'required') });
  }
  if (schema['additionalProperties'] === false) {
    const extra = ['unexpected', 'unexpected_'].find((name) => !propertiesOf(schema).some(([declared]) => declared === name)) ?? 'unexpected__';
    out.push({ body: json(setAt(base, [...path, extra], 'edge')), edgeClass: `body${pointer}/*:additionalProperties`, expect: breaking(childPointer(pointer, extra), 'additionalProperties') });
  }
  for (const [name, sub] of propertiesOf(schema)) out.push(...fieldEdges(sub, [...path, name], childPointer(pointer, name), setAt(base, path, here)));
  return out;
}

/** The body's edges: fields first, then the largest bodies, then bytes that are not JSON and no body at all. */
export function bodyEdges(model: Model): EdgeBody[] {
  if (!model.body) return [];
  const { schema } = model.body;
  const accepts = compiled(schema);
  const base = exampleOf(schema);
  const out = fieldEdges(schema, [], '', base);
  for (const { name, char } of [...BYTE_CLASSES.slice(-1), ESCAPED]) {
    const largest = largestOf(schema, char);
    if (largest !== undefined && accepts(largest)) out.push({ body: json(largest), edgeClass: `body:largest:${name}`, expect: valid() });
  }
  const text = JSON.stringify(base);
  out.push({ body: { kind: 'text', text: text.length > 1 ? text.slice(0, -1) : `${text},` }, edgeClass: 'body:json:truncated', expect: breaking('', 'json') });
  if (model.body.required) out.push({ body: { kind: 'absent' }, edgeClass: 'body:required:absent', expect: breaking('', 'required') });
  return out;
}
