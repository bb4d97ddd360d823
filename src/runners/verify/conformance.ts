/**
 * Phase 2: fast-check drives generated cases against the provider and every selected check judges each exchange.
 * Cases come from the case source and run in one of the two case loops; afterwards the first failure of each check
 * is shrunk (sequentially) to a minimal case, whose seed and path replay exactly that request.
 */
import fc from 'fast-check';
import { runChecks, type CheckContext, type Exchange } from '../../checks/index.js';
import { type RunListener } from '../../events/index.js';
import { drawnCases, type DrawnCase } from './case-source.js';
import { runConcurrent, runPipelined, type CaseLoop } from './case-loops.js';
import type { PlannedCase } from './planned-cases.js';
import type { RunControl } from './control.js';
import { execute, executeRaw, type SendContext } from './execute.js';
import { withParsedBodies } from './parse-bodies.js';
import { epochSeed, parseReplayPath } from './replay-path.js';
import { fails, shrink } from './shrink.js';


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
  /** Asked before each case and each shrink: a stopped run sends no more. */
  readonly control?: RunControl;
  /** The replay coordinates findings print, when not `--seed <seed>` (a shard's: the run's seed and `--shard`). */
  readonly replay?: { readonly seed: number; readonly shard?: string };
  /** Told when each epoch's first case is drawn (a campaign prints every epoch's seed). */
  readonly onEpoch?: (epoch: number, seed: number) => void;
}

export interface ConformanceSummary {
  readonly cases: number;
  /** Check id → fast-check path of its minimal failing case. */
  readonly shrunk: ReadonlyMap<string, string>;
  readonly interrupted: boolean;
}

/** The drawn cases, telling `onEpoch` as each epoch starts. */
function* withEpochs(source: Iterable<DrawnCase>, options: ConformanceOptions): Generator<DrawnCase> {
  let epoch = -1;
  for (const drawn of source) {
    if (drawn.epoch !== epoch) options.onEpoch?.((epoch = drawn.epoch), epochSeed(options.seed, epoch));
    yield drawn;
  }
}

/** Sends and judges every drawn case, remembering where each check first failed. */
async function explore(arbitrary: fc.Arbitrary<PlannedCase>, send: SendContext, context: CheckContext, listener: RunListener, options: ConformanceOptions) {
  const firstFailure = new Map<string, { epoch: number; path: string }>();
  const deadline = Date.now() + options.maxDurationMs;
  const coordinates = options.replay ?? { seed: options.seed };
  const loop: CaseLoop = {
    send: (drawn) => executeRaw(drawn.planned, send, { ...coordinates, path: drawn.replayPath }),
    judge(raw: Exchange, drawn: DrawnCase) {
      const exchange = withParsedBodies(raw);
      const runs = runChecks(send.checks, context, exchange);
      listener.onExchange?.(exchange, runs);
      for (const run of runs) if (fails(run, options.strictContract) && !firstFailure.has(run.check)) firstFailure.set(run.check, { epoch: drawn.epoch, path: drawn.path });
    },
    shouldStop: () => Date.now() > deadline || options.control?.stopped === true,
  };
  const source = withEpochs(drawnCases(arbitrary, options.seed, options.runs), options);
  const result = options.concurrency === 1 ? await runPipelined(source, loop) : await runConcurrent(source, loop, options.concurrency);
  return { firstFailure, ...result };
}

/** Replays one case by its path (`--seed S --path P`), judging it with every check. */
async function replay(arbitrary: fc.Arbitrary<PlannedCase>, send: SendContext, context: CheckContext, listener: RunListener, options: ConformanceOptions & { path: string }): Promise<number> {
  const point = parseReplayPath(options.seed, options.path);
  let planned: PlannedCase | undefined;
  await fc.check(fc.property(arbitrary, (value) => {
    planned = value;
    return true;
  }), { seed: point.seed, path: point.path, numRuns: 1 });
  if (!planned) return 0;
  const exchange = await execute(planned, send, { ...(options.replay ?? { seed: options.seed }), path: options.path });
  listener.onExchange?.(exchange, runChecks(send.checks, context, exchange));
  return 1;
}

/** Runs phase 2 and shrinks each failing check's first counterexample. */
export async function runConformance(arbitrary: fc.Arbitrary<PlannedCase>, send: SendContext, context: CheckContext, listener: RunListener, options: ConformanceOptions): Promise<ConformanceSummary> {
  if (options.path !== undefined) {
    return { cases: await replay(arbitrary, send, context, listener, { ...options, path: options.path }), shrunk: new Map(), interrupted: false };
  }
  const explored = await explore(arbitrary, send, context, listener, options);
  const shrunk = new Map<string, string>();
  for (const [id, at] of explored.firstFailure) {
    if (options.control?.stopped) break;
    const check = send.checks.find((c) => c.id === id);
    const minimal = check ? await shrink({ check, at, seed: options.seed, shrinkMs: options.shrinkMs, strictContract: options.strictContract, ...(options.replay ? { replay: options.replay } : {}) }, arbitrary, send, context, listener) : undefined;
    if (minimal) shrunk.set(id, minimal);
  }
  return { cases: explored.cases, shrunk, interrupted: explored.interrupted };
}
