import fc from 'fast-check';
import type { OperationContract } from '../validators/index.js';
import { headerMutators } from './_internals/mutators/http.js';
import { modelOf } from './_internals/model.js';
import { validParts } from './_internals/parts.js';
import type { HeaderCase, Tagged } from './types.js';

/**
 * Valid headers: the content type (as documented, with a charset, or upper-cased) when there is a body, and each
 * optional header parameter present or absent; the API key is sent (`key: 'valid'`) but never part of the value.
 */
export function headersArbitrary(contract: OperationContract): fc.Arbitrary<HeaderCase> {
  return validParts(modelOf(contract)).headers;
}

/**
 * Invalid headers, each tagged: content type wrong or missing (`contentType` at /content-type), the API key missing
 * (`required`) or wrong (`auth`, which only the provider can tell), header parameters breaking their schemas.
 */
export function invalidHeadersArbitrary(contract: OperationContract): fc.Arbitrary<Tagged<HeaderCase>> {
  const model = modelOf(contract);
  return fc.oneof(...headerMutators(model, validParts(model)).map((m) => m.arbitrary));
}
