import { ContractLoadError } from '../errors.js';
import { childPointer, originOf, type Dereferenced } from './dereference.js';
import type { ApiKeySecurity, OasSchema, OperationModel, ParameterModel, RequestBodyModel, ResponseModel } from './types.js';

type Node = Record<string, unknown>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Prefers a JSON media type (`application/json`, `*+json`), as the harness speaks JSON. */
function jsonMedia(content: unknown, where: string): { contentType: string; schema: OasSchema } | undefined {
  if (!isNode(content)) return undefined;
  const types = Object.keys(content);
  const contentType = types.find((type) => /^application\/(.+\+)?json\b/i.test(type));
  if (contentType === undefined) {
    if (types.length === 0) return undefined;
    throw new ContractLoadError(`${where}: no JSON media type (found ${types.join(', ')})`);
  }
  const media = content[contentType];
  const schema = isNode(media) && isNode(media['schema']) ? (media['schema'] as OasSchema) : {};
  return { contentType, schema };
}

function parameters(path: Node, operation: Node, where: (node: object) => string): ParameterModel[] {
  const byKey = new Map<string, Node>();
  for (const list of [path['parameters'], operation['parameters']]) {
    for (const parameter of Array.isArray(list) ? list : []) {
      if (isNode(parameter)) byKey.set(`${String(parameter['in'])}:${String(parameter['name'])}`, parameter);
    }
  }
  return [...byKey.values()].map((parameter) => {
    const location = parameter['in'];
    if (location !== 'path' && location !== 'header') {
      throw new ContractLoadError(`${where(parameter)}: ${String(location)} parameters are not supported yet`);
    }
    const schema = isNode(parameter['schema']) ? (parameter['schema'] as OasSchema) : {};
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
  if (!isNode(body)) return undefined;
  const media = jsonMedia(body['content'], where(body));
  if (media === undefined) return undefined;
  return { required: body['required'] === true, contentType: media.contentType, schema: media.schema, pointer: where(media.schema) };
}

function responses(operation: Node, where: (node: object) => string): ResponseModel[] {
  const all = isNode(operation['responses']) ? operation['responses'] : {};
  return Object.entries(all)
    .filter(([status]) => /^[1-5]\d\d$/.test(status))
    .map(([status, response]) => {
      const node = isNode(response) ? response : {};
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
  const components = isNode(root['components']) ? root['components'] : {};
  const schemes = isNode(components['securitySchemes']) ? components['securitySchemes'] : {};
  const names = (Array.isArray(requirements) ? requirements : []).flatMap((requirement) => (isNode(requirement) ? Object.keys(requirement) : []));
  return names.flatMap((schemeName) => {
    const scheme = schemes[schemeName];
    if (!isNode(scheme) || scheme['type'] !== 'apiKey' || scheme['in'] !== 'header') return [];
    return [{ schemeName, in: 'header' as const, headerName: String(scheme['name']) }];
  });
}

/** Builds the model of every operation in a dereferenced document. */
export function operationsOf({ root }: Dereferenced): OperationModel[] {
  const where = (node: object): string => originOf(node) ?? '';
  const paths = isNode(root['paths']) ? root['paths'] : {};
  return Object.entries(paths).flatMap(([pathTemplate, pathItem]) => {
    if (!isNode(pathItem)) return [];
    return HTTP_METHODS.filter((method) => isNode(pathItem[method])).map((method): OperationModel => {
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
