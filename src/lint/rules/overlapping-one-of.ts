import type { OasSchema } from '../../contract/types.js';
import type { Defect, SchemaRule } from '../defect.js';
import { mergeInstances, minimalInstance } from '../witness.js';

const label = (branch: OasSchema, index: number): string =>
  typeof branch['title'] === 'string' ? `${index} (${branch['title']})` : String(index);

/**
 * `oneOf` means exactly one: when two branches can match the same value (objects that allow extra properties, say),
 * that value is rejected although it fits the document's plain intent. Each overlap is proven by a witness value.
 */
export const overlappingOneOf: SchemaRule = {
  id: 'overlapping-one-of',
  summary: '`oneOf` branches that overlap: a value matching two branches is rejected by `oneOf`',
  check: ({ schema, pointer }, tools) => {
    const branches = Array.isArray(schema['oneOf']) ? (schema['oneOf'] as OasSchema[]) : [];
    const defects: Defect[] = [];
    branches.forEach((first, i) => {
      branches.slice(i + 1).forEach((second, offset) => {
        const j = i + 1 + offset;
        const witness = mergeInstances(minimalInstance(tools.translate(first)), minimalInstance(tools.translate(second)));
        if (!tools.accepts(first, witness) || !tools.accepts(second, witness)) return;
        defects.push({
          rule: 'overlapping-one-of',
          pointer: `${pointer}/oneOf`,
          schemaPointer: pointer,
          message: `oneOf branches ${label(first, i)} and ${label(second, j)} overlap (neither forbids the other's properties), so a value matching both is rejected; the intent is plainly anyOf`,
          strictly: 'rejected',
      example: witness,
          repair: (translated) => {
            if (!Array.isArray(translated['oneOf'])) return translated;
            const { oneOf, ...rest } = translated;
            return { ...rest, anyOf: oneOf };
          },
        });
      });
    });
    return defects;
  },
};
