/**
 * Shrinking one check's failure: fast-check replays from the first failing path and keeps the smallest case the check
 * still fails on, within a time bound. The minimal exchange is sent once more with every check, so the report shows
 * it with its replay coordinates.
 */
import fc from 'fast-check';
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
}

/** Shrinks one check's failure; reports the minimal exchange and returns its printed replay path (undefined: no smaller case). */
export async function shrink(task: ShrinkTask, arbitrary: fc.Arbitrary<PlannedCase>, send: SendContext, context: CheckContext, listener: RunListener): Promise<string | undefined> {
  const { check, at } = task;
  const probe = { ...send, checks: [check] };
  const result = await fc.check(fc.asyncProperty(arbitrary, async (planned) => {
    const exchange = await execute(planned, probe);
    return !fails({ check: check.id, outcome: runCheck(check, context, exchange) }, task.strictContract);
  }), { seed: epochSeed(task.seed, at.epoch), path: at.path, endOnFailure: false, interruptAfterTimeLimit: task.shrinkMs, markInterruptAsFailure: false });
  const [minimal] = result.counterexample ?? [];
  if (!minimal || result.counterexamplePath === null || result.counterexamplePath === at.path) return undefined;
  const path = randomPath(at.epoch, result.counterexamplePath);
  const exchange = await execute(minimal, send, { seed: task.seed, path });
  listener.onExchange?.(exchange, runChecks(send.checks, context, exchange));
  return path;
}
