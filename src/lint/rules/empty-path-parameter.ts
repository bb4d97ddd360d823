import type { SchemaRule } from '../defect.js';

/** A path parameter that admits "" cannot be sent: `/integrations/` is another URL, not this operation with "". */
export const emptyPathParameter: SchemaRule = {
  id: 'empty-path-parameter',
  summary: 'a path parameter whose schema admits the empty string, which no request can carry as a path segment',
  check: ({ schema, pointer, isPathParameter }) => {
    if (!isPathParameter || (schema['type'] !== undefined && schema['type'] !== 'string')) return [];
    if (typeof schema['minLength'] === 'number' && schema['minLength'] >= 1) return [];
    if (Array.isArray(schema['enum']) && !schema['enum'].includes('')) return [];
    const pattern = schema['pattern'];
    if (typeof pattern === 'string' && !new RegExp(pattern, 'u').test('')) return [];
    return [{
      rule: 'empty-path-parameter',
      pointer,
      schemaPointer: pointer,
      message: 'path parameter admits "" (no minLength), but an empty segment cannot address this operation; the intent is plainly minLength 1',
      strictly: 'accepted',
      example: '',
      repair: (translated) => ({ ...translated, minLength: Math.max(1, Number(translated['minLength'] ?? 0)) }),
    }];
  },
};
