import fc from 'fast-check';
import type { JsonSchema } from '../contract/types.js';
import { ConfigurationError } from '../errors.js';
import type { OperationContract } from '../validators/index.js';
import { jsonMutators } from './_internals/mutators/json-mutators.js';
import { modelOf } from './_internals/model.js';
import { schemaArbitrary } from './_internals/walker.js';
import type { Tagged } from './types.js';

function schemaOf(contract: OperationContract, status: number): JsonSchema | undefined {
  const { responses } = modelOf(contract);
  if (!responses.has(status)) throw new ConfigurationError(`status ${status} is not documented (documented: ${[...responses.keys()].join(', ')})`);
  return responses.get(status);
}

/**
 * Valid bodies of a documented response status, from the intent reading: every enum member (uniformly), every
 * `anyOf`/`oneOf` branch, null where nullable, and (unless `extras: false`) unknown extra properties where
 * `additionalProperties` is unset. A status that documents no body yields undefined.
 */
export function responseArbitrary(contract: OperationContract, status: number, options: { readonly extras?: boolean } = {}): fc.Arbitrary<unknown> {
  const schema = schemaOf(contract, status);
  return schema ? schemaArbitrary(schema, { style: 'json', extras: options.extras ?? true }) : fc.constant(undefined);
}

/** Invalid bodies of a documented status, each tagged with the one constraint it breaks (for testing checks and clients). */
export function invalidResponseArbitrary(contract: OperationContract, status: number): fc.Arbitrary<Tagged<unknown>> {
  const schema = schemaOf(contract, status);
  const walk = (node: JsonSchema): fc.Arbitrary<unknown> => schemaArbitrary(node, { style: 'json', extras: true });
  const mutators = schema ? jsonMutators(schema, `response:${status}`, '', walk) : [];
  if (mutators.length === 0) throw new ConfigurationError(`status ${status} has no body constraint to break`);
  return fc.oneof(...mutators.map((m) => m.arbitrary));
}

/** A response a mock can send: status, content type and, when the status documents one, the body and its bytes. */
export interface ExampleResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly rawBody?: string;
}

/** One schema-valid response for a status, the same for the same seed. */
export function exampleResponse(contract: OperationContract, status: number, seed = 0): ExampleResponse {
  const [body] = fc.sample(responseArbitrary(contract, status), { seed, numRuns: 1 });
  const documented = contract.operation.responses.find((response) => response.status === status);
  const contentType = documented?.body?.contentType;
  if (body === undefined || !contentType) return { status, headers: {} };
  return { status, headers: { 'content-type': contentType }, body, rawBody: JSON.stringify(body) };
}
