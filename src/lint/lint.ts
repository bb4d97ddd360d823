import { createAjv, knownFormats } from '../contract/ajv.js';
import { toJsonSchema, type Rewrite } from '../contract/translate.js';
import type { Contract, JsonSchema, OasSchema, OperationModel } from '../contract/types.js';
import type { Defect, LintTools, SchemaRule } from './defect.js';
import { RULES } from './rules/index.js';
import { schemaNodes } from './walk.js';

export { RULES } from './rules/index.js';

function lintTools(): LintTools {
  const ajv = createAjv();
  const formats = knownFormats(ajv);
  const translate = (schema: OasSchema): JsonSchema => toJsonSchema(schema, { formats });
  const compiled = new WeakMap<OasSchema, (value: unknown) => boolean>();
  return {
    translate,
    accepts(schema, value) {
      let validate = compiled.get(schema);
      if (!validate) {
        const fn = ajv.compile(translate(schema));
        validate = (candidate) => fn(candidate) === true;
        compiled.set(schema, validate);
      }
      return validate(value);
    },
  };
}

/** The defects of one operation's schemas, each with a pointer, a message and an example value. */
export function lintOperation(operation: OperationModel): Defect[] {
  const tools = lintTools();
  return schemaNodes(operation).flatMap((node) => RULES.flatMap((rule) => rule.check(node, tools)));
}

/** The defects of every operation in the contract, each reported once. */
export function lintContract(contract: Contract): Defect[] {
  const seen = new Set<string>();
  return contract.operations.flatMap(lintOperation).filter((defect) => {
    const key = `${defect.rule} ${defect.pointer} ${JSON.stringify(defect.example)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The rewrite that turns the strict translation into the intent reading: every defect's repair, at its node. */
export function intentRewrite(defects: readonly Defect[]): Rewrite {
  const byNode = new Map<string, Defect[]>();
  for (const defect of defects) byNode.set(defect.schemaPointer, [...(byNode.get(defect.schemaPointer) ?? []), defect]);
  return (translated, pointer) => (byNode.get(pointer) ?? []).reduce((schema, defect) => defect.repair(schema), translated);
}
