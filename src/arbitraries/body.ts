import fc from 'fast-check';
import { ConfigurationError } from '../errors.js';
import type { OperationContract } from '../validators/index.js';
import { modelOf, type Model } from './_internals/model.js';
import { validParts } from './_internals/parts.js';
import { bodyMutators } from './_internals/requests.js';
import type { RawBody, Tagged } from './types.js';

function requireBody(model: Model): void {
  if (!model.body) throw new ConfigurationError(`${model.method} ${model.pathTemplate} documents no JSON request body`);
}

/**
 * Valid request bodies (JSON values) from the intent reading of the body schema: null where nullable, strings of
 * exactly the minimum and maximum length in code points, astral, combining and zero-width characters.
 */
export function bodyArbitrary(contract: OperationContract): fc.Arbitrary<unknown> {
  const model = modelOf(contract);
  requireBody(model);
  return validParts(model).bodyValue as fc.Arbitrary<unknown>;
}

/**
 * Invalid request bodies, each tagged with the one constraint it breaks: a property's type or length, a required
 * property missing, an undeclared one, not an object (`type` at ''), not JSON (`json`), no body (`required` at '').
 */
export function invalidBodyArbitrary(contract: OperationContract): fc.Arbitrary<Tagged<RawBody>> {
  const model = modelOf(contract);
  requireBody(model);
  return fc.oneof(...bodyMutators(model).map((m) => m.arbitrary));
}
