/** What a run's report says about its campaign: the runs asked for or the time budget, the shard, the random seeds. */
import type { ResolvedVerifyOptions } from '../options.js';
import { randomStreams } from './random-phase.js';
import { isSharded, type Shard } from './shard.js';

/** The report builder's campaign options for a run (a budget replaces the count of runs, which it does not use). */
export function campaignMeta(options: ResolvedVerifyOptions): { runs?: number; maxTimeMs?: number; shard?: Shard; seeds: number[] } {
  return {
    ...(options.maxTimeMs === undefined ? { runs: options.runs } : { maxTimeMs: options.maxTimeMs }),
    ...(isSharded(options.shard) ? { shard: options.shard } : {}),
    seeds: randomStreams(options.seed, options.shard, options.randomSeeds).map((stream) => stream.seed),
  };
}
