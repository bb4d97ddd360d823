import { toJsonSchema, type TranslateOptions } from '../contract/translate.js';
import type { JsonSchema, OperationModel } from '../contract/types.js';
import { headerKey } from '../http/headers.js';

/** The JSON Schemas of every part of one operation, in one reading. */
export interface PartSchemas {
  /** An object schema over the decoded path parameters, by name. */
  readonly path: JsonSchema;
  /** An object schema over the headers, by lower-cased name, including the API-key header. */
  readonly headers: JsonSchema;
  readonly body?: JsonSchema;
  readonly responses: ReadonlyMap<number, JsonSchema | undefined>;
}

/** Translates every part of the operation's contract into JSON Schema (strict, or repaired via `options.rewrite`). */
export function partSchemas(operation: OperationModel, options: TranslateOptions): PartSchemas {
  const translate = (schema: Parameters<typeof toJsonSchema>[0]): JsonSchema => toJsonSchema(schema, options);
  const path: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(operation.pathParams.map((p) => [p.name, translate(p.schema)])),
    required: operation.pathParams.map((p) => p.name),
  };
  // Why the key header is required: when the API key is the only way in, a call without it is outside the contract
  // (401), whatever the parameters say. With alternative schemes none of them alone is required.
  const keyHeaders = operation.security.map((scheme) => headerKey(scheme.headerName));
  const headers: JsonSchema = {
    type: 'object',
    properties: {
      ...Object.fromEntries(operation.headerParams.map((p) => [headerKey(p.name), translate(p.schema)])),
      ...Object.fromEntries(keyHeaders.map((name) => [name, { type: 'string' }])),
    },
    required: [...operation.headerParams.filter((p) => p.required).map((p) => headerKey(p.name)), ...(keyHeaders.length === 1 ? keyHeaders : [])],
  };
  const responses = new Map(operation.responses.map((r) => [r.status, r.body ? translate(r.body.schema) : undefined]));
  return {
    path,
    headers,
    ...(operation.requestBody ? { body: translate(operation.requestBody.schema) } : {}),
    responses,
  };
}
