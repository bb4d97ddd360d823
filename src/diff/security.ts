/** Security requirements compared: the ways in, as sets of alternatives. */
import type { OperationModel, SecurityRequirement } from '../contract/types.js';
import { emit, type DiffContext, type Sides } from './emit.js';

/** One alternative as text: its schemes' wire forms (`header X-API-KEY + http bearer`). */
const signature = (requirement: SecurityRequirement): string => requirement.map((scheme) => scheme.wire).sort().join(' + ');

/** Whether a call without credentials is allowed: no requirement, or an empty one among them. */
const open = (requirements: readonly SecurityRequirement[]): boolean => requirements.length === 0 || requirements.some((r) => r.length === 0);

/** Compares the security of two versions of an operation (the context's direction is `request`). */
export function diffSecurity(context: DiffContext, ops: Sides<OperationModel>): void {
  const before = ops.old.securityRequirements;
  const after = ops.new.securityRequirements;
  const place = { part: 'security', path: '' };
  const pointers = { old: ops.old.securityPointer, new: ops.new.securityPointer };
  const oldOpen = open(before);
  const newOpen = open(after);
  if (oldOpen !== newOpen) {
    const rule = newOpen ? 'security-removed' : 'security-added';
    emit(context, { rule, place, message: newOpen ? 'credentials no longer required' : `credentials required now: ${after.map(signature).join(' or ')}`, pointers });
    if (oldOpen) return;
  }
  const oldSet = new Set(before.filter((r) => r.length > 0).map(signature));
  const newSet = new Set(after.filter((r) => r.length > 0).map(signature));
  if (newOpen) return;
  for (const added of [...newSet].filter((s) => !oldSet.has(s))) emit(context, { rule: 'security-alternative-added', place, message: `new way in: ${added}`, pointers });
  for (const removed of [...oldSet].filter((s) => !newSet.has(s))) emit(context, { rule: 'security-alternative-removed', place, message: `way in removed: ${removed}`, pointers });
}
