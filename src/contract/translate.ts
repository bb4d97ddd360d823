import { originOf } from './dereference.js';
import type { JsonSchema, OasSchema } from './types.js';
import { isJsonObject } from './json.js';

/** A rewrite applied to each translated node, bottom-up: how the intent reading repairs linted defects. */
export type Rewrite = (translated: JsonSchema, pointer: string, source: OasSchema) => JsonSchema;

export interface TranslateOptions {
  readonly rewrite?: Rewrite;
  /** Formats the validator knows; unknown ones are dropped (an unknown format constrains nothing in OAS 3.0). */
  readonly formats?: ReadonlySet<string>;
}

// Keywords of the OpenAPI 3.0 Schema Object that JSON Schema draft-07 reads the same way.
const SAME = new Set(['title', 'description', 'default', 'multipleOf', 'maxLength', 'minLength', 'pattern', 'maxItems',
  'minItems', 'uniqueItems', 'maxProperties', 'minProperties', 'required', 'enum', 'type', 'readOnly', 'writeOnly']);
// Keywords whose values are schemas (or lists or maps of schemas).
const SUBSCHEMA = new Set(['not', 'items']);
const SUBSCHEMA_LIST = new Set(['allOf', 'oneOf', 'anyOf']);
// Annotations with no validation meaning (OpenAPI-only, or vendor extensions).
const DROPPED = new Set(['nullable', 'example', 'externalDocs', 'xml', 'discriminator', 'deprecated']);


/** OAS 3.0 `exclusiveMaximum: true` qualifies `maximum`; draft-07 makes it the bound itself. */
function bounds(schema: OasSchema, out: JsonSchema): void {
  for (const [bound, exclusive] of [['maximum', 'exclusiveMaximum'], ['minimum', 'exclusiveMinimum']] as const) {
    const value = schema[bound];
    if (typeof value !== 'number') continue;
    if (schema[exclusive] === true) out[exclusive] = value;
    else out[bound] = value;
  }
}

/**
 * Translates an OpenAPI 3.0 Schema Object into JSON Schema, as the OpenAPI 3.0.3 text reads it:
 * `nullable: true` adds null to `type` when `type` is present, and does nothing without `type` (nor does it extend an
 * `enum`); `oneOf` keeps its exactly-one meaning; boolean exclusive bounds become numeric ones.
 */
export function toJsonSchema(schema: OasSchema, options: TranslateOptions = {}, pointer = originOf(schema) ?? ''): JsonSchema {
  const out: JsonSchema = {};
  const child = (value: OasSchema, suffix: string): JsonSchema => toJsonSchema(value, options, originOf(value) ?? `${pointer}/${suffix}`);
  for (const [keyword, value] of Object.entries(schema)) {
    if (DROPPED.has(keyword) || keyword.startsWith('x-') || keyword === 'maximum' || keyword === 'minimum') continue;
    if (keyword === 'exclusiveMaximum' || keyword === 'exclusiveMinimum') continue;
    if (keyword === 'format') {
      if (typeof value === 'string' && (!options.formats || options.formats.has(value))) out['format'] = value;
    } else if (SAME.has(keyword)) out[keyword] = value;
    else if (SUBSCHEMA.has(keyword) && isJsonObject(value)) out[keyword] = child(value, keyword);
    else if (SUBSCHEMA_LIST.has(keyword) && Array.isArray(value)) {
      out[keyword] = value.map((item: OasSchema, index) => child(item, `${keyword}/${index}`));
    } else if (keyword === 'properties' && isJsonObject(value)) {
      out['properties'] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, child(sub as OasSchema, `properties/${name}`)]));
    } else if (keyword === 'additionalProperties') {
      out['additionalProperties'] = isJsonObject(value) ? child(value, keyword) : value;
    }
  }
  bounds(schema, out);
  if (schema['nullable'] === true && typeof schema['type'] === 'string') out['type'] = [schema['type'], 'null'];
  return options.rewrite ? options.rewrite(out, pointer, schema) : out;
}
