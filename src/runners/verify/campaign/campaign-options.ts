/**
 * The campaign options resolved with the rest of verify's (options.ts): the shard, and how a fuzzing budget
 * (`maxTimeMs`) sits with the run's hard cap (`maxDurationMs`) and its count of cases (`runs`).
 */
import { ConfigurationError } from '../../../errors.js';
import { formatDuration } from '../../../report/duration.js';
import { formatShard, isSharded, MAX_SHARDS, parseShard, WHOLE_RUN, type Shard } from './shard.js';

export type { Shard } from './shard.js';

/** What the campaign options are resolved from. */
interface CampaignInput {
  readonly runs?: number;
  readonly maxDurationMs?: number;
  readonly maxTimeMs?: number;
  readonly failures?: string | false;
  readonly shard?: string | Shard;
  readonly randomSeeds?: number;
}

/** The defaults and bounds they fall back on (options.ts owns them). */
interface CampaignDefaults {
  readonly runs: number;
  readonly maxDurationMs: number;
  readonly runsMax: number;
  readonly durationMax: number;
  readonly failures: string;
}

/** A shard given as an object, checked as `--shard` checks its text. */
function checkedShard(shard: string | Shard | undefined): Shard {
  if (shard === undefined) return WHOLE_RUN;
  if (typeof shard === 'string') return parseShard(shard);
  const ok = Number.isSafeInteger(shard.index) && Number.isSafeInteger(shard.count) && shard.count >= 1 && shard.count <= MAX_SHARDS && shard.index >= 1 && shard.index <= shard.count;
  if (!ok) throw new ConfigurationError(`shard must be { index, count } with 1 <= index <= count <= ${MAX_SHARDS}, got ${JSON.stringify(shard)}`);
  return { index: shard.index, count: shard.count };
}

/**
 * The shard, the failure database, and the budget: with `maxTimeMs` the random phase runs until the time is spent
 * (`runs`, when given, still caps it), and the hard cap defaults to the budget plus its own default (for shrinking,
 * confirming and the states phase); a cap below the budget is refused, since it would end every such campaign early.
 */
export function campaignOptions(options: CampaignInput, defaults: CampaignDefaults): { shard: Shard; runs: number; maxDurationMs: number; failures: string | false } {
  const shard = checkedShard(options.shard);
  if (isSharded(shard) && (options.randomSeeds ?? 1) > 1) {
    throw new ConfigurationError(`randomSeeds ${options.randomSeeds} and shard ${formatShard(shard)}: a shard runs one seed of the random phase (the run's seed plus its index less one)`);
  }
  const failures = options.failures === undefined ? defaults.failures : options.failures;
  if (failures === '') throw new ConfigurationError('--failures needs a directory (or --no-failures for none)');
  const { maxTimeMs } = options;
  if (maxTimeMs === undefined) return { shard, runs: options.runs ?? defaults.runs, maxDurationMs: options.maxDurationMs ?? defaults.maxDurationMs, failures };
  if (options.maxDurationMs !== undefined && options.maxDurationMs < maxTimeMs) {
    throw new ConfigurationError(`--max-time ${formatDuration(maxTimeMs)} is longer than --max-duration ${formatDuration(options.maxDurationMs)}, the hard cap that would end the campaign first: raise --max-duration, or leave it out (it then defaults to --max-time plus ${formatDuration(defaults.maxDurationMs)})`);
  }
  return {
    shard,
    runs: options.runs ?? defaults.runsMax,
    maxDurationMs: options.maxDurationMs ?? Math.min(defaults.durationMax, maxTimeMs + defaults.maxDurationMs),
    failures,
  };
}
