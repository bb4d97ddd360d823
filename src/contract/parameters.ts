import { isJsonObject } from './json.js';
import type { OasSchema, ParameterLocation, ParameterModel } from './types.js';

const LOCATIONS: readonly string[] = ['path', 'query', 'header', 'cookie'] satisfies readonly ParameterLocation[];

/**
 * The parameters of an operation (already inlined): the path item's, overridden by the operation's with the same
 * location and name, as OpenAPI says. A parameter described by `content` rather than `schema` gets the empty schema.
 */
export function parametersOf(pathLevel: unknown, operationLevel: unknown, where: (node: object) => string): ParameterModel[] {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const list of [pathLevel, operationLevel]) {
    for (const parameter of Array.isArray(list) ? list : []) {
      if (isJsonObject(parameter) && LOCATIONS.includes(String(parameter['in']))) {
        byKey.set(`${String(parameter['in'])}:${String(parameter['name'])}`, parameter);
      }
    }
  }
  return [...byKey.values()].map((parameter) => {
    const schema = isJsonObject(parameter['schema']) ? (parameter['schema'] as OasSchema) : {};
    return {
      name: String(parameter['name']),
      in: parameter['in'] as ParameterLocation,
      required: parameter['required'] === true,
      schema,
      pointer: where(schema),
      ...(typeof parameter['description'] === 'string' ? { description: parameter['description'] } : {}),
    };
  });
}
