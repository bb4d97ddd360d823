/**
 * Pact matchers derived from a JSON Schema (the contract's intent reading) and an example: providers are held to the
 * shape the contract documents, not to the example's values. Strings match by type, by the schema's `pattern`, or, for
 * an `enum`, by an anchored alternation of its members; numbers and booleans by type; `null` stays literal (Pact has
 * no "string or null" matcher, so the catalogue has one interaction per nullable case); `exact` pointers stay literal.
 */
import type { ValidateFunction } from 'ajv';
import { MatchersV3 } from '@pact-foundation/pact';
import { createAjv } from '../contract/ajv.js';
import type { JsonSchema } from '../contract/types.js';
import { isJsonObject, childPointer } from '../contract/json.js';
import { alternation, escapeRegex } from './alternation.js';

/** Where the walk is, and which pointers must stay literal. */
export interface DeriveOptions {
  /** JSON pointers (into the example) whose values are written literally, e.g. `/code`. */
  readonly exact?: readonly string[];
}



/**
 * A regex for a media type: its essence in any letter case (RFC 9110 §8.3.1), with any parameters
 * (`; charset=utf-8`). Case is spelled out as `[Aa]` classes rather than a `(?i)` flag, which not every Pact
 * implementation's regex engine reads.
 */
export const mediaTypeRegex = (contentType: string): string =>
  `^${escapeRegex(contentType).replace(/[a-z]/gi, (letter) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`)}(?:\\s*;.*)?$`;


let ajv: ReturnType<typeof createAjv> | undefined;
const compiled = new WeakMap<JsonSchema, ValidateFunction>();
function accepts(schema: JsonSchema, value: unknown): boolean {
  ajv ??= createAjv();
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  return validate(value) === true;
}

/** The `anyOf`/`oneOf` branch that describes the example: one that accepts it, preferring one that declares all its keys. */
function branchFor(branches: readonly JsonSchema[], example: unknown): JsonSchema | undefined {
  const fitting = branches.filter((branch) => accepts(branch, example));
  const declares = (branch: JsonSchema): boolean =>
    !isJsonObject(example) || !isJsonObject(branch['properties']) || Object.keys(example).every((key) => key in (branch['properties'] as object));
  return fitting.find(declares) ?? fitting[0];
}

function stringMatcher(schema: JsonSchema, example: string, pointer: string): unknown {
  const members = Array.isArray(schema['enum']) ? schema['enum'].filter((member): member is string => typeof member === 'string') : undefined;
  if (members) {
    if (!members.includes(example)) throw new Error(`example ${JSON.stringify(example)} at ${pointer || '(root)'} is not in the schema's enum`);
    return MatchersV3.regex(alternation(members), example);
  }
  const pattern = schema['pattern'];
  if (typeof pattern === 'string') {
    if (!new RegExp(pattern, 'u').test(example)) throw new Error(`example ${JSON.stringify(example)} at ${pointer || '(root)'} does not match ${pattern}`);
    return MatchersV3.regex(pattern, example);
  }
  return MatchersV3.string(example);
}

/** The example with matchers in place of values, as pact-js' `jsonBody` and `headers` take it. */
export function deriveMatchers(schema: JsonSchema | undefined, example: unknown, options: DeriveOptions = {}, pointer = ''): unknown {
  if (options.exact?.includes(pointer) || example === null || schema === undefined) return example;
  const branches = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined;
  if (Array.isArray(branches)) return deriveMatchers(branchFor(branches, example), example, options, pointer);
  if (typeof example === 'string') return stringMatcher(schema, example, pointer);
  if (typeof example === 'boolean') return MatchersV3.boolean(example);
  if (typeof example === 'number') {
    const types = ([] as unknown[]).concat(schema['type']);
    return types.includes('integer') && Number.isInteger(example) ? MatchersV3.integer(example) : MatchersV3.number(example);
  }
  if (Array.isArray(example)) {
    const items = isJsonObject(schema['items']) ? (schema['items'] as JsonSchema) : {};
    // An empty example array shows no element shape to match by; it stays literal.
    return example.length === 0 ? [] : MatchersV3.eachLike(deriveMatchers(items, example[0], options, childPointer(pointer, 0)), 1);
  }
  if (isJsonObject(example)) {
    const properties = isJsonObject(schema['properties']) ? (schema['properties'] as Record<string, JsonSchema>) : {};
    const extra = isJsonObject(schema['additionalProperties']) ? (schema['additionalProperties'] as JsonSchema) : {};
    return Object.fromEntries(Object.entries(example).map(([key, value]) => [key, deriveMatchers(properties[key] ?? extra, value, options, childPointer(pointer, key))]));
  }
  return example;
}
