import { childPointer } from '../../contract/json.js';
import { ConfigurationError } from '../../errors.js';
import type { JsonSchema } from '../../contract/types.js';
import { headerKey } from '../../http/headers.js';
import type { OperationContract, Part } from '../../validators/index.js';
import { isJsonObject } from '../../contract/json.js';
import { templateParams } from '../../contract/path.js';

/** A place in a request that holds one value, with the intent reading's schema for it. */
export interface Site {
  /** The name as the contract writes it (`id`, `X-ACCOUNT-ID`). */
  readonly name: string;
  readonly part: Part;
  /** JSON pointer of the value within its part, as the validator reports it (`/id`, `/x-account-id`). */
  readonly pointer: string;
  readonly schema: JsonSchema;
  readonly required: boolean;
}

/** Everything the arbitraries need about the operation, read once from the contract (never written here). */
export interface Model {
  readonly contract: OperationContract;
  readonly method: string;
  readonly pathTemplate: string;
  /** In template order. */
  readonly pathParams: readonly Site[];
  readonly headerParams: readonly Site[];
  /** The API-key header (the first scheme's), required when it is the only scheme. */
  readonly key?: Site;
  readonly body?: { readonly schema: JsonSchema; readonly contentType: string; readonly required: boolean };
  readonly responses: ReadonlyMap<number, JsonSchema | undefined>;
}

const models = new WeakMap<OperationContract, Model>();

function propertyOf(schema: JsonSchema, name: string): JsonSchema {
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  const property = properties[name];
  return isJsonObject(property) ? property : {};
}

/** The model of an operation contract (built once per contract object). */
export function modelOf(contract: OperationContract): Model {
  const cached = models.get(contract);
  if (cached) return cached;
  const { operation } = contract;
  const schemas = contract.parts.schemas.intent;
  const placeholders = templateParams(operation.pathTemplate);
  const pathParams = [...operation.pathParams]
    .sort((a, b) => placeholders.indexOf(a.name) - placeholders.indexOf(b.name))
    .map((p): Site => ({ name: p.name, part: 'path', pointer: childPointer('', p.name), schema: propertyOf(schemas.path, p.name), required: true }));
  const headerParams = operation.headerParams.map((p): Site => {
    const key = headerKey(p.name);
    return { name: p.name, part: 'headers', pointer: childPointer('', key), schema: propertyOf(schemas.headers, key), required: p.required };
  });
  const [scheme] = operation.security;
  const key: Site | undefined = scheme && {
    name: scheme.headerName,
    part: 'headers',
    pointer: childPointer('', headerKey(scheme.headerName)),
    schema: propertyOf(schemas.headers, headerKey(scheme.headerName)),
    required: operation.security.length === 1,
  };
  const body = operation.requestBody && schemas.body
    ? { schema: schemas.body, contentType: operation.requestBody.contentType, required: operation.requestBody.required }
    : undefined;
  const model: Model = {
    contract,
    method: operation.method,
    pathTemplate: operation.pathTemplate,
    pathParams,
    headerParams,
    ...(key ? { key } : {}),
    ...(body ? { body } : {}),
    responses: schemas.responses,
  };
  models.set(contract, model);
  return model;
}

/** The path parameter of that name, or a ConfigurationError naming the ones there are. */
export function pathSite(model: Model, name: string): Site {
  const site = model.pathParams.find((p) => p.name === name);
  if (!site) throw new ConfigurationError(`no path parameter "${name}" in ${model.pathTemplate} (it has: ${model.pathParams.map((p) => p.name).join(', ')})`);
  return site;
}
