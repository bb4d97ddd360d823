/**
 * `nullable` means null is an answer, in pacts too. pact-js writes one matcher per field (or none, for a value kept
 * exact); for every response field the contract makes nullable, the rule becomes "that matcher OR null" (Pact V3/V4
 * `combine: OR`), so a provider answering null where the contract allows it passes the pact.
 */
import { isJsonObject } from '../contract/json.js';
import type { JsonSchema } from '../contract/types.js';
import type { OperationContract } from '../validators/index.js';
import type { PactDocument } from './pact-file.js';

type Node = Record<string, unknown>;
const NULL_MATCHER = { match: 'null' };

/** Whether a (translated, intent) schema admits null. */
function admitsNull(schema: JsonSchema): boolean {
  const types = ([] as unknown[]).concat(schema['type'] ?? []);
  if (types.includes('null') && (!Array.isArray(schema['enum']) || schema['enum'].includes(null))) return true;
  const branches = [schema['anyOf'], schema['oneOf']].flatMap((list) => (Array.isArray(list) ? list : []));
  return branches.some((branch) => isJsonObject(branch) && admitsNull(branch as JsonSchema));
}

/** The schema of an object property, looking through combinator branches. */
function propertySchema(schema: JsonSchema, key: string): JsonSchema | undefined {
  const properties = schema['properties'];
  if (isJsonObject(properties) && isJsonObject(properties[key])) return properties[key] as JsonSchema;
  for (const list of [schema['anyOf'], schema['oneOf'], schema['allOf']]) {
    for (const branch of Array.isArray(list) ? list : []) {
      const found = isJsonObject(branch) ? propertySchema(branch as JsonSchema, key) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const childPath = (path: string, key: string): string => (IDENTIFIER.test(key) ? `${path}.${key}` : `${path}['${key}']`);

/** Pact body paths (`$.data.syncedEntityId`) of the example's scalar fields that the schema makes nullable. */
export function nullablePaths(schema: JsonSchema, example: unknown, path = '$'): string[] {
  if (!isJsonObject(example)) return [];
  return Object.entries(example).flatMap(([key, value]) => {
    const child = propertySchema(schema, key);
    if (!child) return [];
    const here = childPath(path, key);
    // Objects are pinned as set up by the provider state (and the Rust verifier does not apply OR to a map's own
    // rule): only scalar fields admit null in their place.
    const scalar = value !== null && typeof value !== 'object';
    return [...(scalar && admitsNull(child) ? [here] : []), ...nullablePaths(child, value, here)];
  });
}

/** A rule set that also admits null: the one matcher OR null; a literal (no rule) becomes equality OR null. */
function orNull(existing: unknown): Node | undefined {
  const matchers = isJsonObject(existing) && Array.isArray(existing['matchers']) ? existing['matchers'] : [{ match: 'equality' }];
  if (matchers.some((m) => isJsonObject(m) && m['match'] === 'null')) return isJsonObject(existing) ? existing : undefined;
  // "A AND B" OR null cannot be written as one rule list; no matcher derived here has two.
  if (matchers.length !== 1) return undefined;
  return { combine: 'OR', matchers: [...matchers, NULL_MATCHER] };
}

/** One interaction with its response's nullable fields admitting null. */
function admitInInteraction(interaction: unknown, schemas: ReadonlyMap<number, JsonSchema | undefined>): unknown {
  if (!isJsonObject(interaction) || !isJsonObject(interaction['response'])) return interaction;
  const response = interaction['response'];
  const schema = typeof response['status'] === 'number' ? schemas.get(response['status']) : undefined;
  const body = isJsonObject(response['body']) && 'content' in response['body'] ? response['body']['content'] : response['body'];
  if (!schema) return interaction;
  const rules = isJsonObject(response['matchingRules']) ? response['matchingRules'] : {};
  const bodyRules: Node = { ...(isJsonObject(rules['body']) ? rules['body'] : {}) };
  for (const path of nullablePaths(schema, body)) {
    const rule = orNull(bodyRules[path]);
    if (rule) bodyRules[path] = rule;
  }
  return { ...interaction, response: { ...response, matchingRules: { ...rules, body: bodyRules } } };
}

/** The pact with every response field the contract makes nullable admitting null. */
export function admitNullables(pact: PactDocument, contract: OperationContract): PactDocument {
  const schemas = contract.parts.schemas.intent.responses;
  return { ...pact, interactions: pact.interactions.map((interaction) => admitInInteraction(interaction, schemas)) };
}
