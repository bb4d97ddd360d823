/**
 * Phase 2: fast-check drives generated cases against the provider and every selected check judges each exchange.
 * Cases run with bounded concurrency; afterwards the first failure of each check is shrunk (sequentially) to a
 * minimal case, whose seed and path replay exactly that request.
 */
import fc from 'fast-check';
import { ConfigurationError } from '../../errors.js';
import { runCheck, runChecks, type Check, type CheckContext, type CheckRun, type Exchange, type RunListener } from '../../checks/index.js';
import type { PlannedCase } from './cases.js';
import { execute, executeRaw, withParsedBodies, type SendContext } from './execute.js';
import { recordKey, RecordLocks } from './record-locks.js';
import type { RunControl } from './control.js';

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
}

export interface ConformanceSummary {
  readonly cases: number;
  /** Check id → fast-check path of its minimal failing case. */
  readonly shrunk: ReadonlyMap<string, string>;
  readonly interrupted: boolean;
}

const fails = (run: CheckRun, strict: boolean): boolean =>
  run.outcome.status === 'failed' && run.outcome.findings.some((f) => f.kind === 'violation' || (strict && f.kind === 'contract-defect'));

/**
 * Resolves after two turns of the event loop. undici writes a request on a reused keep-alive connection from a
 * setImmediate (first draining anything the server sent unasked), and a Pool hands it over from one more: work
 * started before then would run ahead of the write, on the critical path, instead of beside the provider's.
 */
const afterTheWrite = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** Cases are drawn in epochs of this many with fc.sample (the values fc.check would draw for the epoch's seed). */
const EPOCH = 1000;

/** Epoch 0 uses the run's seed itself, so the usual replay path is fast-check's own (`--path 39`). */
const epochSeed = (seed: number, epoch: number): number => (epoch === 0 ? seed : (seed + Math.imul(epoch, 0x9e3779b1)) | 0);

/** A replay path: fast-check's path within an epoch, prefixed `E/` after the first epoch. */
export interface ReplayPoint {
  readonly seed: number;
  readonly path: string;
}

const pointOf = (seed: number, epoch: number, path: string): ReplayPoint => ({ seed: epochSeed(seed, epoch), path });
const label = (epoch: number, path: string): string => (epoch === 0 ? path : `${epoch}/${path}`);

/** A random-phase replay path as findings print it: fast-check's `N:N:…`, after the first epoch prefixed `E/`. */
const REPLAY_PATH = /^(?:(\d{1,9})\/)?(\d{1,9}(?::\d{1,9})*)$/;

/** Reads `--path`: `E/P` (epoch E, fast-check path P) or plain `P` (epoch 0); anything else is a ConfigurationError. */
export function parseReplayPath(seed: number, path: string): ReplayPoint & { readonly epoch: number } {
  const found = REPLAY_PATH.exec(path);
  if (!found) throw new ConfigurationError(`--path ${JSON.stringify(path)} is not a replay path: use the one a finding prints (N:N:…, E/N:N:… or edge:N) with its --seed`);
  const epoch = Number(found[1] ?? 0);
  return { ...pointOf(seed, epoch, found[2] ?? ''), epoch };
}

/**
 * Runs the generation loop. Cases come from fc.sample per epoch (documented to yield exactly what fc.check draws
 * for that seed, so any case replays with fc.check and its path) and run with bounded concurrency: a cheaper loop
 * than an async property, which matters when the provider answers in tens of microseconds.
 */
async function explore(arbitrary: fc.Arbitrary<PlannedCase>, send: SendContext, context: CheckContext, listener: RunListener, options: ConformanceOptions) {
  const firstFailure = new Map<string, { epoch: number; path: string }>();
  const inflight = new Set<Promise<void>>();
  const locks = new RecordLocks();
  const deadline = Date.now() + options.maxDurationMs;
  let cases = 0;
  let interrupted = false;
  const judge = (raw: Exchange, epoch: number, path: string): void => {
    const exchange = withParsedBodies(raw);
    const runs = runChecks(send.checks, context, exchange);
    listener.onExchange?.(exchange, runs);
    for (const run of runs) if (fails(run, options.strictContract) && !firstFailure.has(run.check)) firstFailure.set(run.check, { epoch, path });
  };
  const sendCase = (planned: PlannedCase, epoch: number, path: string): Promise<Exchange> => executeRaw(planned, send, { seed: options.seed, path: label(epoch, path) });
  // At concurrency 1 the previous exchange is parsed and judged while the next case's request is on the wire:
  // still one request in flight at a time, but that CPU time overlaps the provider's instead of adding to it.
  let previous: { exchange: Exchange; epoch: number; path: string } | undefined;
  for (let start = 0; start < options.runs && !interrupted; start += EPOCH) {
    const epoch = start / EPOCH;
    const drawn = fc.sample(arbitrary, { seed: epochSeed(options.seed, epoch), numRuns: Math.min(EPOCH, options.runs - start) });
    for (const [index, planned] of drawn.entries()) {
      if (Date.now() > deadline || options.control?.stopped) {
        interrupted = true;
        break;
      }
      cases++;
      const path = String(index);
      if (options.concurrency === 1) {
        const next = sendCase(planned, epoch, path);
        if (previous) {
          await afterTheWrite();
          judge(previous.exchange, previous.epoch, previous.path);
        }
        previous = { exchange: await next, epoch, path };
        continue;
      }
      const job = locks.run(recordKey(planned), () => sendCase(planned, epoch, path)).then((exchange) => judge(exchange, epoch, path));
      inflight.add(job);
      void job.finally(() => inflight.delete(job));
      if (inflight.size >= options.concurrency) await Promise.race(inflight);
    }
  }
  if (previous) judge(previous.exchange, previous.epoch, previous.path);
  await Promise.all(inflight);
  return { firstFailure, cases, interrupted };
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
  const exchange = await execute(planned, send, { seed: options.seed, path: options.path });
  listener.onExchange?.(exchange, runChecks(send.checks, context, exchange));
  return 1;
}

/** Shrinks one check's failure from its first failing path; reports the minimal exchange and returns its path. */
async function shrink(check: Check, at: { epoch: number; path: string }, arbitrary: fc.Arbitrary<PlannedCase>, send: SendContext, context: CheckContext, listener: RunListener, options: ConformanceOptions): Promise<string | undefined> {
  const probe = { ...send, checks: [check] };
  const result = await fc.check(fc.asyncProperty(arbitrary, async (planned) => {
    const exchange = await execute(planned, probe);
    return !fails({ check: check.id, outcome: runCheck(check, context, exchange) }, options.strictContract);
  }), { seed: epochSeed(options.seed, at.epoch), path: at.path, endOnFailure: false, interruptAfterTimeLimit: options.shrinkMs, markInterruptAsFailure: false });
  const [minimal] = result.counterexample ?? [];
  if (!minimal || result.counterexamplePath === null || result.counterexamplePath === at.path) return undefined;
  // Send the minimal case once more, with every check, so the report shows it with its replay coordinates.
  const path = label(at.epoch, result.counterexamplePath);
  const exchange = await execute(minimal, send, { seed: options.seed, path });
  listener.onExchange?.(exchange, runChecks(send.checks, context, exchange));
  return path;
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
    const minimal = check ? await shrink(check, at, arbitrary, send, context, listener, options) : undefined;
    if (minimal) shrunk.set(id, minimal);
  }
  return { cases: explored.cases, shrunk, interrupted: explored.interrupted };
}
