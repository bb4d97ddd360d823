/**
 * What one schema node says, in one reading, read from the contract layer's translation (strict, or with lint's
 * repairs applied): the diff compares these facts, never the YAML, so a `$ref` moved or a keyword reordered is no
 * change, and a defect the intent reading repairs is seen as repaired.
 */
import { isJsonObject } from '../contract/json.js';
import { toJsonSchema, type Rewrite } from '../contract/translate.js';
import type { JsonSchema, OasSchema } from '../contract/types.js';

/** How one side is read: the formats its validator knows, and for the intent reading lint's repairs. */
export interface Reader {
  readonly formats: ReadonlySet<string>;
  readonly rewrite?: Rewrite;
}

/** One node's facts in one reading. */
export interface Facts {
  /** Whether null is a valid value (the translation's answer, nullable/enum/oneOf all considered). */
  readonly nullable: boolean;
  /** The JSON types allowed besides null; undefined when any type is. */
  readonly types?: readonly string[];
  /** The enum's values besides null; undefined when there is no enum. */
  readonly enum?: readonly unknown[];
  /** Whether branches combine as exactly one (`oneOf`) or at least one (`anyOf`). */
  readonly composition?: 'oneOf' | 'anyOf';
  /** The node's own keywords, as translated (bounds, pattern, format, required, additionalProperties, default). */
  readonly keywords: JsonSchema;
}

/** Whether a JSON Schema accepts `null`: only the keywords that apply to null can reject it. */
export function acceptsNull(schema: unknown): boolean {
  if (typeof schema === 'boolean') return schema;
  if (!isJsonObject(schema)) return true;
  const { type, enum: values, allOf, anyOf, oneOf, not } = schema;
  if (type !== undefined && type !== 'null' && !(Array.isArray(type) && type.includes('null'))) return false;
  if (Array.isArray(values) && !values.includes(null)) return false;
  if ('const' in schema && schema['const'] !== null) return false;
  if (Array.isArray(allOf) && !allOf.every(acceptsNull)) return false;
  if (Array.isArray(anyOf) && !anyOf.some(acceptsNull)) return false;
  if (Array.isArray(oneOf) && oneOf.filter(acceptsNull).length !== 1) return false;
  return not === undefined || !acceptsNull(not);
}

const isNullOnly = (schema: unknown): boolean => isJsonObject(schema) && schema['type'] === 'null' && Object.keys(schema).length === 1;
const ANNOTATIONS = new Set(['title', 'description', 'default', 'readOnly', 'writeOnly']);

/** The node itself when a repair wrapped it as `anyOf: [node, {type: null}]` to allow null. */
function core(translated: JsonSchema): JsonSchema {
  const { anyOf } = translated;
  const own = Object.keys(translated).filter((key) => !ANNOTATIONS.has(key));
  if (own.length === 1 && Array.isArray(anyOf) && anyOf.length === 2 && isNullOnly(anyOf[1]) && isJsonObject(anyOf[0])) return anyOf[0];
  return translated;
}

/** The facts of one dereferenced schema node, read the reader's way. */
export function factsOf(node: OasSchema, reader: Reader): Facts {
  const translated = toJsonSchema(node, { formats: reader.formats, ...(reader.rewrite ? { rewrite: reader.rewrite } : {}) });
  const keywords = core(translated);
  const type = keywords['type'];
  const types = (Array.isArray(type) ? type : type === undefined ? undefined : [type])?.map(String).filter((name) => name !== 'null');
  const values = keywords['enum'];
  const composition = 'oneOf' in keywords ? 'oneOf' : 'anyOf' in keywords ? 'anyOf' : undefined;
  return {
    nullable: acceptsNull(translated),
    ...(types !== undefined ? { types } : {}),
    ...(Array.isArray(values) ? { enum: values.filter((value) => value !== null) } : {}),
    ...(composition ? { composition } : {}),
    keywords,
  };
}
