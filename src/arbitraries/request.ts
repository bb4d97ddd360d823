import fc from 'fast-check';
import { ConfigurationError } from '../errors.js';
import type { OperationContract } from '../validators/index.js';
import { assemble, type RequestParts } from './_internals/build.js';
import { modelOf } from './_internals/model.js';
import { requestMutators, validRequests } from './_internals/requests.js';
import type { InvalidKind, RequestCase } from './types.js';

export type { RequestParts } from './_internals/build.js';

/** Options of the request arbitraries. */
export interface RequestOptions {
  /**
   * Path parameter values to hold fixed, by name (e.g. a customer and integration that exist on the provider).
   * Checked against the contract: a fixed value that breaks it is a ConfigurationError.
   */
  readonly params?: Readonly<Record<string, string>>;
}

/** Options of the invalid-request arbitraries. */
export interface InvalidRequestOptions extends RequestOptions {
  /** Keep only these kinds of breakage (see `invalidKinds`). */
  readonly where?: (kind: InvalidKind) => boolean;
}

/** Every kind of invalid request the operation allows generating, one per (part, pointer, keyword, variant). */
export function invalidKinds(contract: OperationContract): InvalidKind[] {
  return requestMutators(modelOf(contract), {}).map((m) => m.kind);
}

/**
 * Valid requests: method, path (each segment percent-encoded, `unreserved` or `pchar`), headers (API key as
 * `key: 'valid'`, injected by the runner), raw JSON body; `expect` is `{intent: 'valid'}`.
 */
export function validRequest(contract: OperationContract, options: RequestOptions = {}): fc.Arbitrary<RequestCase> {
  return validRequests(modelOf(contract), options.params ?? {});
}

/** Invalid requests, each breaking exactly one constraint named in `expect.breaks`; every kind equally likely. */
export function invalidRequest(contract: OperationContract, options: InvalidRequestOptions = {}): fc.Arbitrary<RequestCase> {
  const { where = () => true } = options;
  const chosen = requestMutators(modelOf(contract), options.params ?? {}).filter((m) => where(m.kind));
  if (chosen.length === 0) throw new ConfigurationError('no kind of invalid request matches the filter');
  return fc.oneof(...chosen.map((m) => m.arbitrary));
}

/** Requests valid but for the API key: missing (`required`) or wrong (`auth`). */
export function unauthenticatedRequest(contract: OperationContract, options: RequestOptions = {}): fc.Arbitrary<RequestCase> {
  const key = modelOf(contract).key;
  if (!key) throw new ConfigurationError('the operation needs no API key');
  return invalidRequest(contract, { ...options, where: (kind) => kind.part === 'headers' && kind.pointer === key.pointer });
}

/** Valid and invalid requests, half and half. */
export function anyRequest(contract: OperationContract, options: RequestOptions = {}): fc.Arbitrary<RequestCase> {
  return fc.oneof(validRequest(contract, options), invalidRequest(contract, options));
}

/** Serialises request parts into a RequestCase (path segments encoded, body to text), e.g. for a hand-written case. */
export function buildRequest(contract: OperationContract, parts: RequestParts): RequestCase {
  return assemble(modelOf(contract), parts);
}
