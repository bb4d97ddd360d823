/**
 * Phase 2: fast-check drives generated cases against the provider and every selected check judges each exchange.
 * Cases run with bounded concurrency; afterwards the first failure of each check is shrunk (sequentially) to a
 * minimal case, whose seed and path replay exactly that request.
 */
import fc from 'fast-check';
import { runCheck, runChecks, type Check, type CheckContext, type CheckRun, type RunListener } from '../../checks/index.js';
import type { PlannedCase } from './cases.js';
import { execute, type SendContext } from './execute.js';

export interface ConformanceOptions {
  readonly runs: number;
  readonly seed: number;
  /** Replay one case (fast-check path) instead of a run. */
  readonly path?: string;
  readonly concurrency: number;
  /** Upper bound for the whole generation loop. */
  readonly maxDurationMs: number;
  /** Upper bound for shrinking one check's failure. */
  readonly shrinkMs: number;
  readonly strictContract: boolean;
}

export interface ConformanceSummary {
  readonly cases: number;
  /** Check id → fast-check path of its minimal failing case. */
  readonly shrunk: ReadonlyMap<string, string>;
  readonly interrupted: boolean;
}

const fails = (run: CheckRun, strict: boolean): boolean =>
  run.outcome.status === 'failed' && run.outcome.findings.some((f) => f.kind === 'violation' || (strict && f.kind === 'contract-defect'));

/** Runs the generation loop; returns the first failing case index per check. */
async function explore(arbitrary: fc.Arbitrary<PlannedCase>, send: SendContext, context: CheckContext, listener: RunListener, options: ConformanceOptions) {
  const firstFailure = new Map<string, string>();
  const inflight = new Set<Promise<void>>();
  let index = 0;
  const property = fc.asyncProperty(arbitrary, async (planned) => {
    const path = options.path ?? String(index);
    index++;
    const job = execute(planned, send, { seed: options.seed, path }).then((exchange) => {
      const runs = runChecks(send.checks, context, exchange);
      listener.onExchange?.(exchange, runs);
      for (const run of runs) if (fails(run, options.strictContract) && !firstFailure.has(run.check)) firstFailure.set(run.check, path);
    });
    if (options.concurrency === 1) {
      await job;
      return true;
    }
    inflight.add(job);
    void job.finally(() => inflight.delete(job));
    if (inflight.size >= options.concurrency) await Promise.race(inflight);
    return true;
  });
  const details = await fc.check(property, {
    seed: options.seed,
    numRuns: options.path === undefined ? options.runs : 1,
    ...(options.path === undefined ? {} : { path: options.path }),
    interruptAfterTimeLimit: options.maxDurationMs,
    markInterruptAsFailure: false,
  });
  await Promise.all(inflight);
  return { firstFailure, cases: index, interrupted: details.interrupted };
}

/** Shrinks one check's failure from its first failing path; reports the minimal exchange and returns its path. */
async function shrink(check: Check, path: string, arbitrary: fc.Arbitrary<PlannedCase>, send: SendContext, context: CheckContext, listener: RunListener, options: ConformanceOptions): Promise<string | undefined> {
  const probe = { ...send, checks: [check] };
  const result = await fc.check(fc.asyncProperty(arbitrary, async (planned) => {
    const exchange = await execute(planned, probe);
    return !fails({ check: check.id, outcome: runCheck(check, context, exchange) }, options.strictContract);
  }), { seed: options.seed, path, endOnFailure: false, interruptAfterTimeLimit: options.shrinkMs, markInterruptAsFailure: false });
  const [minimal] = result.counterexample ?? [];
  if (!minimal || result.counterexamplePath === null || result.counterexamplePath === path) return undefined;
  // Send the minimal case once more, with every check, so the report shows it with its replay coordinates.
  const exchange = await execute(minimal, send, { seed: options.seed, path: result.counterexamplePath });
  listener.onExchange?.(exchange, runChecks(send.checks, context, exchange));
  return result.counterexamplePath;
}

/** Runs phase 2 and shrinks each failing check's first counterexample. */
export async function runConformance(arbitrary: fc.Arbitrary<PlannedCase>, send: SendContext, context: CheckContext, listener: RunListener, options: ConformanceOptions): Promise<ConformanceSummary> {
  const explored = await explore(arbitrary, send, context, listener, options);
  const shrunk = new Map<string, string>();
  if (options.path === undefined) {
    for (const [id, path] of explored.firstFailure) {
      const check = send.checks.find((c) => c.id === id);
      const minimal = check ? await shrink(check, path, arbitrary, send, context, listener, options) : undefined;
      if (minimal) shrunk.set(id, minimal);
    }
  }
  return { cases: explored.cases, shrunk, interrupted: explored.interrupted };
}
