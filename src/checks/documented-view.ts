/**
 * The part of a JSON value that its schema documents. Comparisons of two answers (idempotency, ignored headers) look
 * only at this: undocumented extras such as an `updatedAt` timestamp or a request id may differ freely.
 */
import { isJsonObject } from '../contract/json.js';
import type { JsonSchema } from '../contract/types.js';

const BRANCHES = ['anyOf', 'oneOf', 'allOf'] as const;

/** The schemas an object's property may be documented by: the schema's own and its combinators' branches. */
function objectSchemas(schema: JsonSchema): JsonSchema[] {
  const found: JsonSchema[] = [schema];
  for (const keyword of BRANCHES) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) for (const branch of branches) if (isJsonObject(branch)) found.push(...objectSchemas(branch as JsonSchema));
  }
  return found;
}

/** The schema documenting `key` (the first branch that declares it, else a schema for extra properties), or undefined. */
function propertySchema(schemas: readonly JsonSchema[], key: string): JsonSchema | undefined {
  for (const schema of schemas) {
    const properties = schema['properties'];
    if (isJsonObject(properties) && isJsonObject(properties[key])) return properties[key] as JsonSchema;
  }
  for (const schema of schemas) {
    const extra = schema['additionalProperties'];
    if (isJsonObject(extra)) return extra as JsonSchema;
  }
  return undefined;
}

/** Whether the schemas say anything about an object's properties (a bare `{type: object}` documents all of it). */
const describesProperties = (schemas: readonly JsonSchema[]): boolean =>
  schemas.some((schema) => isJsonObject(schema['properties']) || isJsonObject(schema['additionalProperties']));

/** `value` with every object property its schema does not declare removed, recursively. */
export function documentedView(schema: JsonSchema | undefined, value: unknown): unknown {
  if (schema === undefined) return value;
  if (Array.isArray(value)) {
    const items = schema['items'];
    return isJsonObject(items) ? value.map((item) => documentedView(items as JsonSchema, item)) : value;
  }
  if (!isJsonObject(value)) return value;
  const schemas = objectSchemas(schema);
  if (!describesProperties(schemas)) return value;
  const view: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const documented = propertySchema(schemas, key);
    if (documented !== undefined) view[key] = documentedView(documented, member);
  }
  return view;
}
