import type { JsonSchema } from '../../contract/types.js';
import type { SchemaRule } from '../defect.js';

const ANNOTATIONS = new Set(['title', 'description', 'default', 'readOnly', 'writeOnly']);

/** Adds a null branch: into an existing lone `anyOf`, else by wrapping. */
export function allowNull(translated: JsonSchema): JsonSchema {
  const keys = Object.keys(translated).filter((key) => !ANNOTATIONS.has(key));
  if (keys.length === 1 && Array.isArray(translated['anyOf'])) {
    return { ...translated, anyOf: [...(translated['anyOf'] as JsonSchema[]), { type: 'null' }] };
  }
  return { anyOf: [translated, { type: 'null' }] };
}

/** OAS 3.0.3: `nullable` without `type` has no effect, so null is not allowed although the author plainly meant it. */
export const nullableWithoutType: SchemaRule = {
  id: 'nullable-without-type',
  summary: '`nullable: true` without `type` has no effect under OpenAPI 3.0.3: null is still rejected',
  check: ({ schema, pointer }) => {
    if (schema['nullable'] !== true || schema['type'] !== undefined) return [];
    const beside = ['oneOf', 'anyOf', 'allOf', 'enum'].filter((keyword) => keyword in schema);
    return [{
      rule: 'nullable-without-type',
      pointer: `${pointer}/nullable`,
      schemaPointer: pointer,
      message: `nullable: true has no type${beside.length ? ` (beside ${beside.join(', ')})` : ''}, so under OpenAPI 3.0.3 it has no effect and null matches nothing; the intent is plainly "may be null"`,
      strictly: 'rejected',
      example: null,
      repair: allowNull,
    }];
  },
};
