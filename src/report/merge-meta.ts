/**
 * The header of a merged report: what the reports share, the seeds and shards they list, the longest duration (the
 * shards ran side by side), every stop and abort, and the shards of a split run that are missing.
 */
import { ConfigurationError } from '../errors.js';
import type { Report, ReportMeta } from './types.js';

const label = (shard: { readonly index: number; readonly count: number }): string => `${shard.index}/${shard.count}`;

/** The shards the reports are, checked: one count for all, none twice; and those missing. */
function shardsOf(reports: readonly Report[], names: readonly string[]): { shards: string[]; missing: string[] } {
  const sharded = reports.flatMap((report, index) => (report.meta.shard ? [{ shard: report.meta.shard, name: names[index] ?? '' }] : []));
  const [first] = sharded;
  if (!first) return { shards: [], missing: [] };
  const seen = new Map<number, string>();
  for (const { shard, name } of sharded) {
    if (shard.count !== first.shard.count) throw new ConfigurationError(`${name} is shard ${label(shard)} and ${first.name} shard ${label(first.shard)}: shards of one run share their count`);
    const twice = seen.get(shard.index);
    if (twice !== undefined) throw new ConfigurationError(`shard ${label(shard)} is given twice (${twice} and ${name}): give each shard's report once`);
    seen.set(shard.index, name);
  }
  const { count } = first.shard;
  const all = Array.from({ length: count }, (_, index) => index + 1);
  return { shards: all.filter((index) => seen.has(index)).map((index) => `${index}/${count}`), missing: all.filter((index) => !seen.has(index)).map((index) => `${index}/${count}`) };
}

/** One value when every report agrees on it, else undefined. */
const agreed = <T>(values: readonly T[]): T | undefined => (values.every((value) => value === values[0]) ? values[0] : undefined);

/** The merged header, and why the merged run could not be done, if it could not. */
export function mergeMeta(reports: readonly Report[], names: readonly string[]): { meta: ReportMeta; aborted?: { reason: string } } {
  const metas = reports.map((report) => report.meta);
  const first = metas[0] as ReportMeta;
  const { shards, missing } = shardsOf(reports, names);
  const tagged = (report: Report, index: number): string => (report.meta.shard ? `shard ${label(report.meta.shard)}` : names[index] ?? '');
  const seeds = [...new Set(metas.flatMap((meta) => meta.seeds ?? (meta.seed === undefined ? [] : [meta.seed])))].sort((a, b) => a - b);
  const stops = reports.flatMap((report, index) => (report.meta.stopped ? [{ ...report.meta.stopped, reason: `${tagged(report, index)}: ${report.meta.stopped.reason}` }] : []));
  const aborts = [
    ...reports.flatMap((report, index) => (report.aborted ? [`${tagged(report, index)}: ${report.aborted.reason}`] : [])),
    ...(missing.length > 0 ? [`shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing: the shards merged are part of a run, not a whole one`] : []),
  ];
  const baseUrl = agreed(metas.map((meta) => meta.baseUrl));
  const version = agreed(metas.map((meta) => meta.contractVersion));
  const seed = agreed(metas.map((meta) => meta.seed));
  const strict = metas.some((meta) => meta.strictContract);
  const runs = metas.every((meta) => meta.runs !== undefined) ? metas.reduce((sum, meta) => sum + (meta.runs ?? 0), 0) : undefined;
  const maxTimes = metas.flatMap((meta) => (meta.maxTimeMs === undefined ? [] : [meta.maxTimeMs]));
  const waited = metas.reduce((sum, meta) => sum + (meta.rateLimitWaitMs ?? 0), 0);
  const budgets = metas.flatMap((meta) => (meta.waitBudgetMs === undefined ? [] : [meta.waitBudgetMs]));
  const durations = metas.flatMap((meta) => (meta.durationMs === undefined ? [] : [meta.durationMs]));
  const notes = [
    `merged ${reports.length} report${reports.length === 1 ? '' : 's'}${shards.length > 0 ? `: shard${shards.length === 1 ? '' : 's'} ${shards.join(', ')}` : ''}${seeds.length > 0 ? `; random-phase seeds ${seeds.join(', ')}` : ''}`,
    ...(version === undefined ? [`contract versions differ: ${[...new Set(metas.map((meta) => meta.contractVersion))].join(', ')}`] : []),
    ...(baseUrl === undefined && metas.some((meta) => meta.baseUrl !== undefined) ? [`base URLs differ: ${[...new Set(metas.map((meta) => meta.baseUrl ?? '(none)'))].join(', ')}`] : []),
    ...(strict && !metas.every((meta) => meta.strictContract) ? ['some reports were strict about contract defects: the merge is'] : []),
    ...[...new Set(metas.flatMap((meta) => meta.notes ?? []))],
  ];
  const meta: ReportMeta = {
    operation: first.operation, contractFile: first.contractFile, contractVersion: version ?? first.contractVersion,
    ...(first.contractTitle === undefined ? {} : { contractTitle: first.contractTitle }),
    ...(first.nextContract === undefined ? {} : { nextContract: first.nextContract }),
    ...(metas.some((meta) => meta.failOnDrift === true) ? { failOnDrift: true } : {}),
    ...(baseUrl === undefined ? {} : { baseUrl }), ...(first.unit === undefined ? {} : { unit: first.unit }), notes,
    ...(seed === undefined ? {} : { seed }), ...(runs === undefined ? {} : { runs }),
    ...(durations.length > 0 ? { durationMs: Math.max(...durations) } : {}), ...(waited > 0 ? { rateLimitWaitMs: waited } : {}),
    ...(waited > 0 && budgets.length > 0 ? { waitBudgetMs: budgets.reduce((sum, budget) => sum + budget, 0) } : {}),
    strictContract: strict,
    ...(stops.length > 0 ? { stopped: { reason: stops.map((stop) => stop.reason).join('; '), notRun: stops.reduce((sum, stop) => sum + stop.notRun, 0), ...(stops.some((stop) => stop.interrupted === true) ? { interrupted: true } : {}) } } : {}),
    ...(seeds.length > 0 ? { seeds } : {}), ...(maxTimes.length > 0 ? { maxTimeMs: Math.max(...maxTimes) } : {}),
    merged: { reports: reports.length, shards, missing },
  };
  return { meta, ...(aborts.length > 0 ? { aborted: { reason: aborts.join('; ') } } : {}) };
}
