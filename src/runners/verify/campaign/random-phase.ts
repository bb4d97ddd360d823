/**
 * The random phase as a campaign runs it: one seed per stream (a shard runs the run's seed plus its index less one;
 * the library's `randomSeeds` runs several one after another, as that many shards would), each for `runs` cases or,
 * with `maxTimeMs`, until the budget is spent (the budget counts from the run's first case). Each stream explores,
 * then shrinks its first failure of each check, exactly as an unsharded run does.
 */
import type fc from 'fast-check';
import type { CheckContext } from '../../../checks/index.js';
import type { RunListener } from '../../../events/index.js';
import { runConformance, type ConformanceSummary } from '../conformance.js';
import type { RunControl } from '../control.js';
import type { SendContext } from '../execute.js';
import type { ResolvedVerifyOptions } from '../options.js';
import type { PlannedCase } from '../planned-cases.js';
import { formatShard, isSharded, shardSeed, type Shard } from './shard.js';

/** One stream of the random phase: its fast-check seed, and the replay coordinates its findings print. */
export interface Stream {
  readonly seed: number;
  readonly replay: { readonly seed: number; readonly shard?: string };
}

/** The streams of a run's random phase, in order. */
export function randomStreams(seed: number, shard: Shard, randomSeeds: number): Stream[] {
  if (isSharded(shard)) return [{ seed: shardSeed(seed, shard), replay: { seed, shard: formatShard(shard) } }];
  return Array.from({ length: randomSeeds }, (_, index) => {
    const stream = { index: index + 1, count: randomSeeds };
    return { seed: shardSeed(seed, stream), replay: index === 0 ? { seed } : { seed, shard: formatShard(stream) } };
  });
}

/** What the random phase needs from the run. */
export interface RandomPhaseInputs {
  readonly arbitrary: fc.Arbitrary<PlannedCase>;
  readonly options: ResolvedVerifyOptions;
  readonly send: SendContext;
  readonly context: CheckContext;
  readonly listener: RunListener;
  readonly control: RunControl;
  /** What is left of the run's hard cap (`maxDurationMs`). */
  remainingMs(): number;
  /** When the run sent its first case (Date.now()): a campaign's budget counts from there. */
  readonly startedAt: number;
}

/** The time a stream may take: the hard cap, and in a campaign its share of what is left of the budget. */
function streamBudget(inputs: RandomPhaseInputs, streamsLeft: number): number {
  const { maxTimeMs } = inputs.options;
  if (maxTimeMs === undefined) return inputs.remainingMs();
  const left = Math.max(0, maxTimeMs - (Date.now() - inputs.startedAt));
  return Math.min(inputs.remainingMs(), Math.floor(left / streamsLeft));
}

/** Runs every stream in turn; the summaries add up (shrunk paths keyed `check` for the first stream, `check@n` after). */
export async function runRandomPhase(inputs: RandomPhaseInputs): Promise<ConformanceSummary> {
  const { options, send, context, listener, control } = inputs;
  const streams = randomStreams(options.seed, options.shard, options.randomSeeds);
  const replaying = options.path !== undefined;
  let cases = 0;
  let interrupted = false;
  const shrunk = new Map<string, string>();
  for (const [index, stream] of (replaying ? streams.slice(0, 1) : streams).entries()) {
    if (control.stopped) break;
    const done = await runConformance(inputs.arbitrary, send, context, listener, {
      runs: options.runs, seed: stream.seed, concurrency: options.concurrency, strictContract: options.strictContract,
      maxDurationMs: streamBudget(inputs, streams.length - index), shrinkMs: options.shrinkMs, control, replay: stream.replay,
      ...(options.path === undefined ? {} : { path: options.path }),
      onEpoch: (epoch, seed) => listener.onEpoch?.({ stream: stream.replay.shard ?? formatShard({ index: 1, count: 1 }), epoch, seed }),
    });
    cases += done.cases;
    interrupted ||= done.interrupted;
    for (const [check, path] of done.shrunk) shrunk.set(index === 0 ? check : `${check}@${index + 1}`, path);
  }
  return { cases, shrunk, interrupted };
}
