/** What verify prints about a campaign besides the report: the seed line (with the shard), the failure database. */
import type { FailureDatabaseSummary } from '../../runners/verify/failures/database.js';
import { formatShard, isSharded, shardSeed } from '../../runners/verify/campaign/shard.js';
import type { ResolvedVerifyOptions } from '../../verify.js';

/** The first line: the seed (and shard) that replay any finding of the run, printed before anything is sent. */
export function seedLine(options: ResolvedVerifyOptions): string {
  const shard = isSharded(options.shard) ? ` --shard ${formatShard(options.shard)}` : '';
  const which = isSharded(options.shard) ? `, shard ${formatShard(options.shard)} (random phase seed ${shardSeed(options.seed, options.shard)})` : '';
  const replaying = options.path ? `, replaying --path ${options.path}` : '';
  return `verify: seed ${options.seed}${which}${replaying} (replay any finding with --seed ${options.seed}${shard} --path <its path>)`;
}

/** The failure database's line after the report, when the run wrote to it. */
export function databaseLines(summary: FailureDatabaseSummary): string[] {
  if (summary.dir === undefined || summary.written === 0) return [];
  const plural = summary.written === 1 ? 'entry' : 'entries';
  return [`Failure database ${summary.dir}: ${summary.written} ${plural} written (${summary.fresh} new); every run replays it first (keep it between runs, e.g. in a CI cache)`];
}
