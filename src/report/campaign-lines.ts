/** What the console and JUnit say about a campaign: the shard and seeds, confirmed findings, the failure database. */
import { formatDuration } from './duration.js';
import type { FindingGroup, Report } from './types.js';

type Paint = (code: number, text: string) => string;

/** Header lines: which shard this was (and how to join it with the others), the random seeds, the time budget. */
export function campaignHeader(report: Report): string[] {
  const { meta } = report;
  const parts: string[] = [];
  if (meta.shard) parts.push(`shard ${meta.shard.index}/${meta.shard.count} (join the shards' JSON reports with \`stigg-contract report merge\`)`);
  if (meta.seeds && meta.seeds.length > 0 && !meta.merged && (meta.shard || meta.seeds.length > 1 || meta.seeds[0] !== meta.seed)) parts.push(`random-phase seed${meta.seeds.length === 1 ? '' : 's'} ${meta.seeds.join(', ')}`);
  if (meta.maxTimeMs !== undefined) parts.push(`fuzzed for --max-time ${formatDuration(meta.maxTimeMs)}`);
  return parts.length === 0 ? [] : [parts.join(' · ')];
}

/** ` · reproducible (2 of 2)` or ` · flaky (1 of 2)` for a confirmed finding group. */
export function confirmationLabel(group: Pick<FindingGroup, 'confirmed'>): string {
  const { confirmed } = group;
  if (!confirmed || confirmed.of === 0) return '';
  const verdict = confirmed.reproduced === confirmed.of ? 'reproducible' : 'flaky';
  return `  ${verdict} (${confirmed.reproduced} of ${confirmed.of} sent again)`;
}

/** The failure database's replay, one line per entry, under a count of each outcome. */
export function failureReplayLines(report: Report, paint: Paint): string[] {
  const replays = report.failureReplays ?? [];
  if (replays.length === 0) return [];
  const count = (status: string): number => replays.filter((replay) => replay.status === status).length;
  const lines = [paint(1, `Failure database (${replays.length} replayed first: ${count('still-failing')} still failing, ${count('fixed')} fixed, ${count('not-judged')} not judged)`)];
  for (const replay of replays) {
    const mark = replay.status === 'still-failing' ? paint(31, '✗') : replay.status === 'fixed' ? paint(32, '✓') : paint(2, '–');
    const note = replay.note === undefined ? '' : paint(2, ` (${replay.note})`);
    lines.push(`  ${mark} ${replay.status.padEnd(13)} ${replay.key}${replay.source === 'read-only' ? ' [read-only]' : ''}${note}`);
  }
  return [...lines, ''];
}
