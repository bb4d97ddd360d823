/** The diff layer: what changed in one operation between two versions of a contract, each change with its level. */
export { diffContracts, diffOperationModels } from './diff.js';
export { RULES, ruleNamed } from './rules.js';
export type { DiffRule, Verdict } from './rule.js';
export { LEVELS, reaches, type Change, type Direction, type DiffSide, type Level, type OperationDiff } from './types.js';
