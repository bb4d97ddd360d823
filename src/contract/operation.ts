import { isHarnessError } from '../errors.js';
import { inlineRefs, originOf } from './dereference.js';
import { childPointer, isJsonObject } from './json.js';
import { parametersOf } from './parameters.js';
import { requestBodyOf, responsesOf } from './responses.js';
import { apiKeySchemes, requirementsOf } from './security.js';
import type { OasSchema, OperationModel, UnsupportedOperation } from './types.js';

type Node = Record<string, unknown>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every operation of a document: the ones modelled, and the ones that could not be, with the reason. */
export interface OperationsOf {
  readonly operations: OperationModel[];
  readonly unsupported: UnsupportedOperation[];
}

/** Models one operation, its `$ref`s inlined on their own (a ContractLoadError says why it cannot be modelled). */
function modelOf(document: OasSchema, pathTemplate: string, pathItem: Node, method: string): OperationModel {
  const where = (node: object): string => originOf(node) ?? '';
  const itemPointer = childPointer('/paths', pathTemplate);
  const pointer = childPointer(itemPointer, method);
  const operation = inlineRefs(document, pathItem[method], pointer) as Node;
  const shared = inlineRefs(document, pathItem['parameters'], childPointer(itemPointer, 'parameters'));
  const params = parametersOf(shared, operation['parameters'], where);
  const body = requestBodyOf(operation, where);
  const root = document as Node;
  return {
    method: method.toUpperCase(),
    pathTemplate,
    pointer,
    ...(typeof operation['operationId'] === 'string' ? { operationId: operation['operationId'] } : {}),
    ...(typeof operation['summary'] === 'string' ? { summary: operation['summary'] } : {}),
    pathParams: params.filter((parameter) => parameter.in === 'path'),
    headerParams: params.filter((parameter) => parameter.in === 'header'),
    queryParams: params.filter((parameter) => parameter.in === 'query'),
    cookieParams: params.filter((parameter) => parameter.in === 'cookie'),
    ...(body ? { requestBody: body } : {}),
    responses: responsesOf(operation, where),
    security: apiKeySchemes(root, operation),
    securityRequirements: requirementsOf(root, operation),
    securityPointer: Array.isArray(operation['security']) ? childPointer(pointer, 'security') : '/security',
  };
}

/**
 * Models every operation of a (checked, not yet dereferenced) document. One operation that cannot be modelled
 * (a recursive schema, a body in no JSON media type) is listed with its reason and costs no other operation.
 */
export function operationsOf(document: OasSchema): OperationsOf {
  const result: OperationsOf = { operations: [], unsupported: [] };
  const paths = isJsonObject(document['paths']) ? document['paths'] : {};
  for (const [pathTemplate, pathItem] of Object.entries(paths)) {
    if (!isJsonObject(pathItem)) continue;
    for (const method of HTTP_METHODS.filter((name) => isJsonObject(pathItem[name]))) {
      try {
        result.operations.push(modelOf(document, pathTemplate, pathItem, method));
      } catch (error) {
        if (!isHarnessError(error)) throw error;
        const operationId = (pathItem[method] as Node)['operationId'];
        result.unsupported.push({
          method: method.toUpperCase(),
          pathTemplate,
          ...(typeof operationId === 'string' ? { operationId } : {}),
          pointer: childPointer(childPointer('/paths', pathTemplate), method),
          reason: error.message,
        });
      }
    }
  }
  return result;
}

/** The header the operation's API key travels in (its first API-key scheme), or undefined when it needs none. */
export const apiKeyHeaderOf = (operation: OperationModel): string | undefined => operation.security[0]?.headerName;
