/** Small documents for the diff tests: one operation whose parts each case sets, parsed without the schema check. */
import { parseContractSync } from '../../src/contract/index.js';
import type { Contract } from '../../src/contract/types.js';
import { diffContracts, type Change, type Direction } from '../../src/diff/index.js';

/** The parts of the one operation (`PATCH /x/{id}`) a case may set; everything else is fixed. */
export interface OperationParts {
  readonly path?: string;
  readonly operationId?: string;
  readonly method?: string;
  readonly parameters?: readonly object[];
  readonly requestBody?: object;
  readonly responses?: Record<string, object>;
  readonly security?: readonly object[];
}

const ID = { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } };

/** A document (JSON is YAML) with one operation, operationId `op` unless the parts say otherwise. */
export function documentOf(parts: OperationParts, version = '1'): Contract {
  const operation = {
    operationId: parts.operationId ?? 'op',
    parameters: [ID, ...(parts.parameters ?? [])],
    ...(parts.requestBody ? { requestBody: parts.requestBody } : {}),
    responses: parts.responses ?? { 200: { description: 'ok' } },
    ...(parts.security ? { security: parts.security } : {}),
  };
  const document = {
    openapi: '3.0.3',
    info: { title: 'T', version },
    paths: { [parts.path ?? '/x/{id}']: { [parts.method ?? 'patch']: operation } },
    components: { securitySchemes: { Key: { type: 'apiKey', in: 'header', name: 'X-KEY' }, Jwt: { type: 'http', scheme: 'bearer' } } },
  };
  return parseContractSync(JSON.stringify(document), `v${version}.yaml`);
}

/** The operation's parts with `schema` as the request body (request) or the 200 body (response). */
export function withSchema(direction: Direction, schema: object): OperationParts {
  const content = { 'application/json': { schema } };
  return direction === 'request'
    ? { requestBody: { required: true, content } }
    : { responses: { 200: { description: 'ok', content } } };
}

/** The changes between two versions of the operation. */
export const changesOf = (before: OperationParts, after: OperationParts, selector = 'op'): readonly Change[] =>
  diffContracts(documentOf(before, '1'), documentOf(after, '2'), selector).changes;

/** `rule level direction where`: a change as the tests compare it. */
export const brief = (change: Change): string => `${change.rule} ${change.level} ${change.direction} ${change.where}`;
