import fc from 'fast-check';
import { decodeSegment, encodeSegment } from '../../contract/path.js';
import { ConfigurationError } from '../../errors.js';
import type { JsonSchema } from '../../contract/types.js';
import type { InvalidKind, RawBody, RequestCase } from '../types.js';
import { assemble } from './build.js';
import { compiled } from './guard.js';
import type { Model, Site } from './model.js';
import { headerMutators, rawBodyMutators } from './mutators/http.js';
import { jsonMutators } from './mutators/json-mutators.js';
import { kindOf, mapMutator, type Mutator } from './mutators/mutator.js';
import { stringMutators } from './mutators/strings.js';
import { validParts } from './parts.js';
import { schemaArbitrary } from './walker.js';

type Params = Readonly<Record<string, string>>;
type Encoding = 'pchar' | 'unreserved';

/** A way to break a whole request, and requests broken that way. */
export interface RequestMutator {
  readonly kind: InvalidKind;
  readonly arbitrary: fc.Arbitrary<RequestCase>;
}

const ENCODINGS: fc.Arbitrary<Encoding> = fc.constantFrom('unreserved', 'pchar');
// Escapes decodeURIComponent rejects: `%` without two hex digits, a lone UTF-8 lead byte, a byte never in UTF-8,
// a truncated sequence, an encoded surrogate.
const MALFORMED = ['%', '%G1', '%4', '%zz', '%C3', '%FF', '%E2%82', '%ED%A0%80'];

/** Valid path parameters, with `fixed` ones held (checked against the contract, so a valid case stays valid). */
function paramsOf(model: Model, fixed: Params): fc.Arbitrary<Params> {
  const { params } = validParts(model);
  const record: Record<string, fc.Arbitrary<string>> = {};
  for (const site of model.pathParams) {
    const value = fixed[site.name];
    record[site.name] = value === undefined ? (params.get(site.name) as fc.Arbitrary<string>) : fc.constant(value);
  }
  for (const [name, value] of Object.entries(fixed)) {
    const site = model.pathParams.find((s) => s.name === name);
    if (!site) throw new ConfigurationError(`no path parameter "${name}" in ${model.pathTemplate}`);
    if (!compiled(site.schema)(value)) throw new ConfigurationError(`fixed path parameter ${name}=${JSON.stringify(value)} breaks the contract`);
  }
  return fc.record(record, { noNullPrototype: true });
}

/** Valid requests: every part valid, both encodings of each segment, headers present or absent as allowed. */
export function validRequests(model: Model, fixed: Params): fc.Arbitrary<RequestCase> {
  const parts = validParts(model);
  return fc.tuple(paramsOf(model, fixed), ENCODINGS, parts.headers, parts.body)
    .map(([params, encoding, headers, body]) => assemble(model, { params, encoding, headers, body }));
}

/** Mutators depend only on the contract, and building them (alphabets, patterns) costs more than a run's cases. */
const pathCache = new WeakMap<Site, Mutator<string>[]>();
const bodyCache = new WeakMap<Model, Mutator<RawBody>[]>();

/** Breakers of one path parameter's own constraints. */
export function pathMutators(site: Site): Mutator<string>[] {
  let found = pathCache.get(site);
  if (!found) pathCache.set(site, (found = stringMutators(site.schema, { part: 'path', pointer: site.pointer }, 'path')));
  return found;
}

/** Breakers of the body: its schema's constraints (as JSON), then its bytes (not JSON, absent). */
export function bodyMutators(model: Model): Mutator<RawBody>[] {
  if (!model.body) return [];
  const cached = bodyCache.get(model);
  if (cached) return cached;
  const walk = (schema: JsonSchema): fc.Arbitrary<unknown> => schemaArbitrary(schema, { style: 'json', extras: true });
  const asJson = jsonMutators(model.body.schema, 'body', '', walk).map((m) => mapMutator(m, (value): RawBody => ({ kind: 'json', value })));
  const mutators = [...asJson, ...rawBodyMutators(model, validParts(model))];
  bodyCache.set(model, mutators);
  return mutators;
}

/** A segment with a malformed escape before or after the correctly encoded value. */
function malformed(model: Model, site: Site): fc.Arbitrary<string> {
  const valid = validParts(model).params.get(site.name) as fc.Arbitrary<string>;
  return fc.tuple(valid, ENCODINGS, fc.constantFrom(...MALFORMED), fc.boolean())
    .map(([value, encoding, escape, before]) => (before ? escape + encodeSegment(value, encoding) : encodeSegment(value, encoding) + escape))
    .filter(undecodable);
}

// A `%` without two hex digits is malformed on its face; only the rest need the (throwing, so costly) decoder, to
// rule out a partial UTF-8 escape that the encoded value happens to complete.
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const undecodable = (segment: string): boolean => BAD_ESCAPE.test(segment) || decodeSegment(segment) === undefined;

/** Every way to break a request, one constraint each, the rest of the request valid. */
export function requestMutators(model: Model, fixed: Params): RequestMutator[] {
  const parts = validParts(model);
  const params = paramsOf(model, fixed);
  const out: RequestMutator[] = [];
  const build = (kind: InvalidKind, arbitrary: fc.Arbitrary<RequestCase>): void => void out.push({ kind, arbitrary });
  for (const site of model.pathParams) {
    for (const m of pathMutators(site)) {
      build(m.kind, fc.tuple(params, ENCODINGS, parts.headers, parts.body, m.arbitrary).map(([p, encoding, headers, body, bad]) =>
        assemble(model, { params: { ...p, [site.name]: bad.value }, encoding, headers, body, expect: { intent: 'invalid', breaks: bad.breaks } })));
    }
    const tag = { part: 'path' as const, pointer: site.pointer, keyword: 'percentEncoding' };
    build(kindOf('path', site.pointer, 'percentEncoding'), fc.tuple(params, parts.headers, parts.body, malformed(model, site)).map(([p, headers, body, segment]) =>
      assemble(model, { params: p, headers, body, rawSegments: { [site.name]: segment }, expect: { intent: 'invalid', breaks: tag } })));
  }
  for (const m of headerMutators(model, parts)) {
    build(m.kind, fc.tuple(params, ENCODINGS, m.arbitrary, parts.body).map(([p, encoding, bad, body]) =>
      assemble(model, { params: p, encoding, headers: bad.value, body, expect: { intent: 'invalid', breaks: bad.breaks } })));
  }
  for (const m of bodyMutators(model)) {
    build(m.kind, fc.tuple(params, ENCODINGS, parts.headers, m.arbitrary).map(([p, encoding, headers, bad]) =>
      assemble(model, { params: p, encoding, headers, body: bad.value, expect: { intent: 'invalid', breaks: bad.breaks } })));
  }
  return out;
}
