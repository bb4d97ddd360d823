import { originOf } from '../contract/dereference.js';
import type { OasSchema, OperationModel } from '../contract/types.js';
import type { SchemaNode } from './defect.js';

const isObject = (value: unknown): value is OasSchema => value !== null && typeof value === 'object' && !Array.isArray(value);

function subschemas(schema: OasSchema): OasSchema[] {
  const found: OasSchema[] = [];
  for (const keyword of ['items', 'not', 'additionalProperties']) if (isObject(schema[keyword])) found.push(schema[keyword] as OasSchema);
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    const list = schema[keyword];
    if (Array.isArray(list)) found.push(...list.filter(isObject));
  }
  const properties = schema['properties'];
  if (isObject(properties)) found.push(...Object.values(properties).filter(isObject));
  return found;
}

/** Every schema node the operation uses, each once (a component reached twice is visited at its one origin). */
export function schemaNodes(operation: OperationModel): SchemaNode[] {
  const seen = new Set<string>();
  const nodes: SchemaNode[] = [];
  const visit = (schema: OasSchema, isPathParameter: boolean): void => {
    const pointer = originOf(schema) ?? '';
    if (seen.has(pointer)) return;
    seen.add(pointer);
    nodes.push({ schema, pointer, isPathParameter });
    for (const sub of subschemas(schema)) visit(sub, false);
  };
  for (const parameter of operation.pathParams) visit(parameter.schema, true);
  for (const parameter of operation.headerParams) visit(parameter.schema, false);
  if (operation.requestBody) visit(operation.requestBody.schema, false);
  for (const response of operation.responses) if (response.body) visit(response.body.schema, false);
  return nodes;
}
