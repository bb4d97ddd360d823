import { OPERATION_RULES } from './rules-operation.js';
import type { DiffRule } from './rule.js';
import { SCHEMA_RULES } from './rules-schema.js';

/** Every diff rule: the operation's own, then its schemas'. docs/diff.md has one row per rule (a test keeps it so). */
export const RULES: readonly DiffRule[] = [...OPERATION_RULES, ...SCHEMA_RULES];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with an id; an unknown id is a defect of the engine. */
export function ruleNamed(id: string): DiffRule {
  const rule = byId.get(id);
  if (rule === undefined) throw new Error(`no diff rule ${id}`);
  return rule;
}
