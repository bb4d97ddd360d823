/**
 * Shrinking one check's failure: fast-check replays from the first failing path and keeps the smallest case the check
 * still fails on, within a time bound. The minimal exchange is sent once more with every check, so the report shows
 * it with its replay coordinates.
 */
import fc from 'fast-check';
import { tagProblem } from '../../arbitraries/index.js';
import { failsRun, runCheck, runChecks, type Check, type CheckContext, type CheckRun } from '../../checks/index.js';
import { type RunListener } from '../../events/index.js';
import type { PlannedCase } from './planned-cases.js';
import { execute, type SendContext } from './execute.js';
import { epochSeed, randomPath } from './replay-path.js';

/** Whether a check's outcome fails the run (violations; contract defects too when strict). */
export const fails = (run: CheckRun, strict: boolean): boolean =>
  run.outcome.status === 'failed' && run.outcome.findings.some((f) => failsRun(f.kind, strict));

/** Where a check first failed, and the bounds of shrinking it. */
export interface ShrinkTask {
  readonly check: Check;
  readonly at: { readonly epoch: number; readonly path: string };
  readonly seed: number;
  readonly shrinkMs: number;
  readonly strictContract: boolean;
  /** The replay coordinates the minimal case prints, when not `--seed <seed>` (a shard's). */
  readonly replay?: { readonly seed: number; readonly shard?: string };
}

/**
 * Shrinks one check's failure; reports the minimal exchange and returns its printed replay path (undefined: no smaller
 * case). A smaller case counts only while it is still what its label says (tagProblem): an invalid case that shrinking
 * made valid, or made break something else, is not that constraint's finding, and is never reported as one.
 */
export async function shrink(task: ShrinkTask, arbitrary: fc.Arbitrary<PlannedCase>, send: SendContext, context: CheckContext, listener: RunListener): Promise<string | undefined> {
  const { check, at } = task;
  const probe = { ...send, checks: [check] };
  const result = await fc.check(fc.asyncProperty(arbitrary, async (planned) => {
    if (tagProblem(send.contract, planned.case) !== undefined) return true;
    const exchange = await execute(planned, probe);
    return !fails({ check: check.id, outcome: runCheck(check, context, exchange) }, task.strictContract);
  }), { seed: epochSeed(task.seed, at.epoch), path: at.path, endOnFailure: false, interruptAfterTimeLimit: task.shrinkMs, markInterruptAsFailure: false });
  const [minimal] = result.counterexample ?? [];
  if (!minimal || result.counterexamplePath === null || result.counterexamplePath === at.path) return undefined;
  // Judged again after shrinking, whatever the property saw: only a case true to its label stands for its tag.
  if (tagProblem(send.contract, minimal.case) !== undefined) return undefined;
  const path = randomPath(at.epoch, result.counterexamplePath);
  const exchange = await execute(minimal, send, { ...(task.replay ?? { seed: task.seed }), path });
  listener.onExchange?.(exchange, runChecks(send.checks, context, exchange));
  return path;
}
