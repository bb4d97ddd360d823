import type { JsonSchema } from '../contract/types.js';
import { isJsonObject } from '../contract/json.js';


/**
 * A small value meant to satisfy a translated schema: required properties filled, strings at their minimum length.
 * Only a candidate: callers confirm it with the validator, so a wrong guess can never become a false claim.
 */
export function minimalInstance(schema: JsonSchema): unknown {
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
    const [first] = Array.isArray(schema[keyword]) ? (schema[keyword] as JsonSchema[]) : [];
    if (first) return minimalInstance(first);
  }
  const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type']];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'object': {
      const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
      const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
      return Object.fromEntries(required.map((name) => [name, minimalInstance((properties[name] as JsonSchema | undefined) ?? {})]));
    }
    case 'array': return [];
    case 'integer': case 'number': return typeof schema['minimum'] === 'number' ? schema['minimum'] : 0;
    case 'boolean': return true;
    case 'null': return null;
    default: return 'x'.repeat(typeof schema['minLength'] === 'number' ? Math.max(1, schema['minLength']) : 1);
  }
}

/** Merges two object candidates into one that carries the properties of both. */
export function mergeInstances(a: unknown, b: unknown): unknown {
  return isJsonObject(a) && isJsonObject(b) ? { ...b, ...a } : a;
}
