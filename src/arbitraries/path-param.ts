import fc from 'fast-check';
import { ConfigurationError } from '../errors.js';
import type { OperationContract } from '../validators/index.js';
import { modelOf, pathSite } from './_internals/model.js';
import { validParts } from './_internals/parts.js';
import { pathMutators } from './_internals/requests.js';
import type { Tagged } from './types.js';

/** The names of the operation's path parameters, in template order (`id`, `integrationId`). */
export function pathParamNames(contract: OperationContract): string[] {
  return modelOf(contract).pathParams.map((site) => site.name);
}

/**
 * Valid (decoded) values of a path parameter, from the intent reading of its schema: with a pattern, every character
 * of its classes in every position and look-alikes (`a@b.com`, `123`, `a..b`); without, text that must be
 * percent-encoded (space `/` `%` `?` `#`, non-ASCII, astral), and `.`/`..`; boundary lengths in code points.
 */
export function pathParamArbitrary(contract: OperationContract, name: string): fc.Arbitrary<string> {
  const model = modelOf(contract);
  pathSite(model, name);
  return validParts(model).params.get(name) as fc.Arbitrary<string>;
}

/** Invalid values of a path parameter, each tagged with the one schema constraint it breaks (`minLength`, `pattern`...). */
export function invalidPathParamArbitrary(contract: OperationContract, name: string): fc.Arbitrary<Tagged<string>> {
  const mutators = pathMutators(pathSite(modelOf(contract), name));
  if (mutators.length === 0) throw new ConfigurationError(`path parameter "${name}" has no constraint to break`);
  return fc.oneof(...mutators.map((m) => m.arbitrary));
}
