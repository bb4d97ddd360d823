import type { SchemaRule } from '../defect.js';

/** OAS 3.0.3: `nullable` does not extend `enum`, so an enum without null still rejects null. */
export const nullableEnumWithoutNull: SchemaRule = {
  id: 'nullable-enum-without-null',
  summary: '`nullable: true` beside an `enum` that lacks null: under OpenAPI 3.0.3 the enum still rejects null',
  check: ({ schema, pointer }) => {
    const members = schema['enum'];
    if (schema['nullable'] !== true || !Array.isArray(members) || members.includes(null)) return [];
    return [{
      rule: 'nullable-enum-without-null',
      pointer: `${pointer}/enum`,
      schemaPointer: pointer,
      message: `nullable: true but the enum (${members.length} member${members.length === 1 ? '' : 's'}) lacks null, so under OpenAPI 3.0.3 null is rejected; the intent is plainly "may be null"`,
      strictly: 'rejected',
      example: null,
      repair: (translated) => ({ ...translated, enum: [...(translated['enum'] as unknown[]), null] }),
    }];
  },
};
