import fc from 'fast-check';
import type { HeaderCase, RawBody } from '../types.js';
import type { Model } from './model.js';
import { stringArbitrary } from './scalars.js';
import { schemaArbitrary } from './walker.js';

/** The name the content type travels under in generated cases (header names compare case-insensitively). */
export const CONTENT_TYPE = 'content-type';

/** Valid arbitraries for every part of the operation's requests. */
export interface ValidParts {
  readonly params: ReadonlyMap<string, fc.Arbitrary<string>>;
  /** Valid content types: the documented one, with a charset parameter, upper-cased (media types ignore case). */
  readonly contentTypes: readonly string[];
  readonly headers: fc.Arbitrary<HeaderCase>;
  readonly bodyValue?: fc.Arbitrary<unknown>;
  readonly body: fc.Arbitrary<RawBody>;
}

const cache = new WeakMap<Model, ValidParts>();

function headersOf(model: Model, contentTypes: readonly string[]): fc.Arbitrary<HeaderCase> {
  const record: Record<string, fc.Arbitrary<string>> = {};
  const required: string[] = [];
  if (contentTypes.length > 0) {
    record[CONTENT_TYPE] = fc.constantFrom(...contentTypes);
    required.push(CONTENT_TYPE);
  }
  for (const site of model.headerParams) {
    record[site.name] = stringArbitrary(site.schema, 'header');
    if (site.required) required.push(site.name);
  }
  return fc.record(record, { requiredKeys: required, noNullPrototype: true }).map((headers) => ({ headers: headers as Record<string, string>, key: 'valid' as const }));
}

/** The valid arbitraries of a model, built once. */
export function validParts(model: Model): ValidParts {
  const cached = cache.get(model);
  if (cached) return cached;
  const params = new Map(model.pathParams.map((site) => [site.name, stringArbitrary(site.schema, 'path')]));
  const type = model.body?.contentType;
  const contentTypes = type ? [type, `${type}; charset=utf-8`, type.toUpperCase()] : [];
  const bodyValue = model.body ? schemaArbitrary(model.body.schema, { style: 'json', extras: true }) : undefined;
  // Compact JSON mostly; pretty-printed sometimes, since whitespace between tokens is JSON too.
  const body: fc.Arbitrary<RawBody> = bodyValue
    ? fc.tuple(bodyValue, fc.constantFrom(0, 0, 0, 2)).map(([value, indent]): RawBody => (indent ? { kind: 'json', value, indent } : { kind: 'json', value }))
    : fc.constant({ kind: 'absent' });
  const parts: ValidParts = { params, contentTypes, headers: headersOf(model, contentTypes), ...(bodyValue ? { bodyValue } : {}), body };
  cache.set(model, parts);
  return parts;
}
