import { originOf } from '../contract/dereference.js';
import type { OasSchema, OperationModel } from '../contract/types.js';
import type { SchemaNode } from './defect.js';
import { isJsonObject } from '../contract/json.js';


function subschemas(schema: OasSchema): OasSchema[] {
  const found: OasSchema[] = [];
  for (const keyword of ['items', 'not', 'additionalProperties']) if (isJsonObject(schema[keyword])) found.push(schema[keyword] as OasSchema);
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    const list = schema[keyword];
    if (Array.isArray(list)) found.push(...list.filter(isJsonObject));
  }
  const properties = schema['properties'];
  if (isJsonObject(properties)) found.push(...Object.values(properties).filter(isJsonObject));
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
