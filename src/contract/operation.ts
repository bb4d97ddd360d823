import { ContractLoadError } from '../errors.js';
import { originOf, type Dereferenced } from './dereference.js';
import { childPointer } from './json.js';
import type { ApiKeySecurity, OasSchema, OperationModel, ParameterModel, RequestBodyModel, ResponseModel } from './types.js';
import { isJsonObject } from './json.js';
import { isJsonMediaType } from '../http/media-type.js';

type Node = Record<string, unknown>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Prefers a JSON media type (`application/json`, `*+json`), as the harness speaks JSON. */
function jsonMedia(content: unknown, where: string): { contentType: string; schema: OasSchema } | undefined {
  if (!isJsonObject(content)) return undefined;
  const types = Object.keys(content);
  const contentType = types.find(isJsonMediaType);
  if (contentType === undefined) {
    if (types.length === 0) return undefined;
    throw new ContractLoadError(`${where}: no JSON media type (found ${types.join(', ')})`);
  }
  const media = content[contentType];
  const schema = isJsonObject(media) && isJsonObject(media['schema']) ? (media['schema'] as OasSchema) : {};
  return { contentType, schema };
}

function parameters(path: Node, operation: Node, where: (node: object) => string): ParameterModel[] {
  const byKey = new Map<string, Node>();
  for (const list of [path['parameters'], operation['parameters']]) {
    for (const parameter of Array.isArray(list) ? list : []) {
      if (isJsonObject(parameter)) byKey.set(`${String(parameter['in'])}:${String(parameter['name'])}`, parameter);
    }
  }
  return [...byKey.values()].map((parameter) => {
    const location = parameter['in'];
    if (location !== 'path' && location !== 'header') {
      throw new ContractLoadError(`${where(parameter)}: ${String(location)} parameters are not supported yet`);
    }
    const schema = isJsonObject(parameter['schema']) ? (parameter['schema'] as OasSchema) : {};
    return {
      name: String(parameter['name']),
      in: location,
      required: parameter['required'] === true,
      schema,
      pointer: where(schema),
      ...(typeof parameter['description'] === 'string' ? { description: parameter['description'] } : {}),
    };
  });
}

function requestBody(operation: Node, where: (node: object) => string): RequestBodyModel | undefined {
  const body = operation['requestBody'];
  if (!isJsonObject(body)) return undefined;
  const media = jsonMedia(body['content'], where(body));
  if (media === undefined) return undefined;
  return { required: body['required'] === true, contentType: media.contentType, schema: media.schema, pointer: where(media.schema) };
}

function responses(operation: Node, where: (node: object) => string): ResponseModel[] {
  const all = isJsonObject(operation['responses']) ? operation['responses'] : {};
  return Object.entries(all)
    .filter(([status]) => /^[1-5]\d\d$/.test(status))
    .map(([status, response]) => {
      const node = isJsonObject(response) ? response : {};
      const media = jsonMedia(node['content'], where(node));
      return {
        status: Number(status),
        description: typeof node['description'] === 'string' ? node['description'] : '',
        ...(media ? { body: { ...media, pointer: where(media.schema) } } : {}),
      };
    })
    .sort((a, b) => a.status - b.status);
}

function security(root: Node, operation: Node): ApiKeySecurity[] {
  const requirements = Array.isArray(operation['security']) ? operation['security'] : root['security'];
  const components = isJsonObject(root['components']) ? root['components'] : {};
  const schemes = isJsonObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  const names = (Array.isArray(requirements) ? requirements : []).flatMap((requirement) => (isJsonObject(requirement) ? Object.keys(requirement) : []));
  return names.flatMap((schemeName) => {
    const scheme = schemes[schemeName];
    if (!isJsonObject(scheme) || scheme['type'] !== 'apiKey' || scheme['in'] !== 'header') return [];
    return [{ schemeName, in: 'header' as const, headerName: String(scheme['name']) }];
  });
}

/** Builds the model of every operation in a dereferenced document. */
export function operationsOf({ root }: Dereferenced): OperationModel[] {
  const where = (node: object): string => originOf(node) ?? '';
  const paths = isJsonObject(root['paths']) ? root['paths'] : {};
  return Object.entries(paths).flatMap(([pathTemplate, pathItem]) => {
    if (!isJsonObject(pathItem)) return [];
    return HTTP_METHODS.filter((method) => isJsonObject(pathItem[method])).map((method): OperationModel => {
      const operation = pathItem[method] as Node;
      const body = requestBody(operation, where);
      const params = parameters(pathItem, operation, where);
      return {
        method: method.toUpperCase(),
        pathTemplate,
        pointer: childPointer(childPointer('/paths', pathTemplate), method),
        ...(typeof operation['operationId'] === 'string' ? { operationId: operation['operationId'] } : {}),
        ...(typeof operation['summary'] === 'string' ? { summary: operation['summary'] } : {}),
        pathParams: params.filter((parameter) => parameter.in === 'path'),
        headerParams: params.filter((parameter) => parameter.in === 'header'),
        ...(body ? { requestBody: body } : {}),
        responses: responses(operation, where),
        security: security(root, operation),
      };
    });
  });
}

/** The header the operation's API key travels in (its first API-key scheme), or undefined when it needs none. */
export const apiKeyHeaderOf = (operation: OperationModel): string | undefined => operation.security[0]?.headerName;
