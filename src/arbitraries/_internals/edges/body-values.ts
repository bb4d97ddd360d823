/**
 * Deterministic edge bodies from the intent reading of the body schema: each field at its boundaries (null, empty,
 * every length limit under each counting rule), its free-text values (serialiser texts, the naughty-string list,
 * numeric-looking strings), every JSON type in place of the body and of each field, undeclared members (runtime
 * names among them), the largest valid body. Each invalid one is tagged as the random mutators tag the same breakage.
 */
import { childPointer } from '../../../contract/json.js';
import type { JsonSchema } from '../../../contract/types.js';
import type { Intent, RawBody } from '../../types.js';
import { compiled } from '../guard.js';
import type { Model } from '../model.js';
import { lengthRange } from '../scalars.js';
import { typesOf } from '../walker.js';
import { exampleOf, largestOf, propertiesOf, requiredOf, wrongTypes } from './json-values.js';
import { runtimeNames } from './runtime-names.js';
import { lengthEdges, textEdges } from './string-values.js';
import { BYTE_CLASSES } from './tokens.js';

/** A body to send, its edge class (`body/syncedEntityId:maxLength:4-byte`), its kind and what it is meant to exercise. */
export interface EdgeBody {
  readonly body: RawBody;
  readonly edgeClass: string;
  /** The catalogue kind (`validator/length-graphemes`): see kinds.ts. */
  readonly kind: string;
  readonly expect: Intent;
}

// Characters JSON must escape as `\u00XX` (six bytes each): the largest valid body in bytes.
const ESCAPED = { name: 'escaped', char: '\u001f' };

const valid = (): Intent => ({ intent: 'valid' });
const breaking = (pointer: string, keyword: string): Intent => ({ intent: 'invalid', breaks: { part: 'body', pointer, keyword } });
const json = (value: unknown): RawBody => ({ kind: 'json', value });
const STAND_IN = '\u0000stigg-contract:runtime-name';

/** The body with `value` at a property path (`[]` replaces the body itself). */
function setAt(base: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const object = base !== null && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  return { ...object, [head]: setAt(object[head], rest, value) };
}

type FieldEdge = { name: string; value: unknown; kind: string; expect: Intent };

/**
 * String boundaries of one field: null, empty (or one short of the minimum), every length limit under each counting
 * rule, and for free text the texts serialisers mangle, the naughty-string list and strings that look like numbers.
 */
function stringEdges(schema: JsonSchema, label: string, pointer: string): FieldEdge[] {
  const { minLength } = lengthRange(schema);
  const types = typesOf(schema) ?? [];
  const out: FieldEdge[] = [];
  if (types.includes('null')) out.push({ name: 'null', value: null, kind: 'validator/null-empty', expect: valid() });
  out.push(minLength === 0
    ? { name: 'empty', value: '', kind: 'validator/null-empty', expect: valid() }
    : { name: 'minLength-1', value: 'e'.repeat(minLength - 1), kind: 'validator/null-empty', expect: breaking(pointer, 'minLength') });
  for (const edge of [...textEdges(schema), ...lengthEdges(schema)]) {
    out.push({ name: edge.name, value: edge.value, kind: edge.kind, expect: edge.breaks ? breaking(pointer, edge.breaks) : valid() });
  }
  return out.map((edge) => ({ ...edge, name: `${label}:${edge.name}` }));
}

/**
 * Undeclared members named like members of a runtime's base object (`__proto__`, `constructor`...), where the schema
 * forbids undeclared members: raw JSON text, since building them as objects would set a prototype instead.
 */
function runtimeMemberBodies(schema: JsonSchema, path: readonly string[], pointer: string, base: unknown): EdgeBody[] {
  const declared = new Set(propertiesOf(schema).map(([name]) => name));
  // Serialised with a stand-in name, then the stand-in replaced in the text: the name never passes through an object.
  const template = JSON.stringify(setAt(base, [...path, STAND_IN], { edge: 'edge' }));
  return runtimeNames().filter((name) => !declared.has(name)).map((name) => ({
    body: { kind: 'text', text: template.replace(JSON.stringify(STAND_IN), JSON.stringify(name)) },
    edgeClass: `body${pointer}/*:additionalProperties:${name}`,
    kind: 'parser/runtime-member-names',
    expect: breaking(childPointer(pointer, name), 'additionalProperties'),
  }));
}

/**
 * Undeclared members spelled like declared ones in another letter case, beside them (`SyncedEntityId` next to
 * `syncedEntityId`): JSON decoders that match member names case-insensitively (Go's encoding/json, ASP.NET Core's
 * System.Text.Json) take one for the other, and the whitelist never sees it. The variant carries a valid value.
 */
function caseVariantBodies(schema: JsonSchema, path: readonly string[], pointer: string, base: unknown): EdgeBody[] {
  const declared = propertiesOf(schema);
  const names = new Set(declared.map(([name]) => name));
  return declared.flatMap(([name, sub]) => {
    const variants = [...new Set([name.charAt(0).toUpperCase() + name.slice(1), name.toUpperCase(), name.toLowerCase()])].filter((variant) => !names.has(variant));
    return variants.slice(0, 2).map((variant) => ({
      body: json(setAt(base, [...path, variant], exampleOf(sub))),
      edgeClass: `body${pointer}/*:additionalProperties:case:${variant}`,
      kind: 'parser/member-name-case',
      expect: breaking(childPointer(pointer, variant), 'additionalProperties'),
    }));
  });
}

/** Edges of one field and, recursively, of its declared properties. */
function fieldEdges(schema: JsonSchema, path: readonly string[], pointer: string, base: unknown): EdgeBody[] {
  const label = `body${pointer}`;
  const types = typesOf(schema) ?? [];
  const edges = types.includes('string') && path.length > 0 ? stringEdges(schema, label, pointer) : [];
  edges.push(...wrongTypes(schema).map(({ name, value }) => ({ name: `${label}:type:${name}`, value, kind: 'coercion/json-types', expect: breaking(pointer, 'type') })));
  const out: EdgeBody[] = edges.map((edge) => ({ body: json(setAt(base, path, edge.value)), edgeClass: edge.name, kind: edge.kind, expect: edge.expect }));
  if (!types.includes('object')) return out;
  const here = path.length === 0 ? base : exampleOf(schema);
  for (const name of requiredOf(schema)) {
    const without = Object.fromEntries(Object.entries(here as Record<string, unknown>).filter(([key]) => key !== name));
    out.push({ body: json(setAt(base, path, without)), edgeClass: `body${childPointer(pointer, name)}:required`, kind: 'validator/required', expect: breaking(childPointer(pointer, name), 'required') });
  }
  if (schema['additionalProperties'] === false) {
    const extra = ['unexpected', 'unexpected_'].find((name) => !propertiesOf(schema).some(([declared]) => declared === name)) ?? 'unexpected__';
    out.push({ body: json(setAt(base, [...path, extra], 'edge')), edgeClass: `body${pointer}/*:additionalProperties`, kind: 'parser/undeclared-members', expect: breaking(childPointer(pointer, extra), 'additionalProperties') });
    out.push(...runtimeMemberBodies(schema, path, pointer, base), ...caseVariantBodies(schema, path, pointer, base));
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
    if (largest !== undefined && accepts(largest)) out.push({ body: json(largest), edgeClass: `body:largest:${name}`, kind: 'parser/largest-body', expect: valid() });
  }
  const text = JSON.stringify(base);
  out.push({ body: { kind: 'text', text: text.length > 1 ? text.slice(0, -1) : `${text},` }, edgeClass: 'body:json:truncated', kind: 'parser/malformed-body', expect: breaking('', 'json') });
  if (model.body.required) out.push({ body: { kind: 'absent' }, edgeClass: 'body:required:absent', kind: 'parser/malformed-body', expect: breaking('', 'required') });
  return out;
}
