/**
 * The diff as text, Markdown or JSON: the report layer's writers of an OperationDiff. Not the Report model's: a diff
 * judges no provider, client or pact, so its changes have levels and directions (who breaks, which way the data
 * flows), not finding kinds (who is at fault), its exit code depends on `--fail-on`, and its JSON is documented in
 * its own shape (docs/diff.md), pointers into both documents included.
 */
import { LEVELS, reaches, type Change, type Level, type OperationDiff } from '../diff/index.js';

/** `Stigg API 7.64.2`: how a side is named. */
const named = (side: OperationDiff['old']): string => `${side.title || side.file} ${side.version}`.trim();

/** Changes, most severe first (the engine's order within a level: request side, then responses by status). */
const bySeverity = (changes: readonly Change[]): Change[] => [...changes].sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level));

/** Counts per level, most severe first. */
export const totalsOf = (changes: readonly Change[]): Record<Level, number> =>
  ({ breaking: changes.filter((c) => c.level === 'breaking').length, warning: changes.filter((c) => c.level === 'warning').length, info: changes.filter((c) => c.level === 'info').length });

/** One line: what was compared, both versions. */
export function headline(diff: OperationDiff): string {
  const operation = diff.new.operation ?? diff.old.operation ?? '';
  return `${named(diff.old)} → ${named(diff.new)}: ${operation}`;
}

/** The closing line: how many of each level, and whether they fail the run. */
export function summary(diff: OperationDiff, failOn: Level): string {
  const totals = totalsOf(diff.changes);
  const failing = diff.changes.filter((change) => reaches(change.level, failOn)).length;
  const verdict = failing > 0 ? `${failing} at or above ${failOn}: exit 1` : `none at or above ${failOn}: exit 0`;
  return `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}: ${totals.breaking} breaking, ${totals.warning} warning, ${totals.info} info (${verdict})`;
}

/** The diff as text for a terminal or a CI log. */
export function diffText(diff: OperationDiff, failOn: Level): string {
  const head = [headline(diff), `  old: ${diff.old.file}`, `  new: ${diff.new.file}`];
  const lines = bySeverity(diff.changes).map((change) => [
    `${change.level.padEnd(8)}  ${change.direction.padEnd(8)}  ${change.where}: ${change.message}  [${change.rule}]`,
    `          why: ${change.why}`,
    `          old #${change.oldPointer}  new #${change.newPointer}`,
  ].join('\n'));
  return [head.join('\n'), ...(lines.length > 0 ? [lines.join('\n')] : ['no changes']), summary(diff, failOn)].join('\n\n');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The diff as a Markdown section, for a pull-request comment or a job summary. */
export function diffMarkdown(diff: OperationDiff, failOn: Level): string {
  const rows = bySeverity(diff.changes).map((c) =>
    `| ${c.level} | ${c.direction} | ${cell(c.where)} | ${cell(c.message)} | ${cell(c.why)} | \`${c.rule}\` |`);
  const table = rows.length === 0 ? 'No changes.' : ['| level | direction | where | change | why | rule |', '|---|---|---|---|---|---|', ...rows].join('\n');
  return [`### ${cell(headline(diff))}`, summary(diff, failOn), table].join('\n\n');
}

/** The diff as JSON: both sides, the threshold, every change, totals and whether it fails. */
export function diffJson(diff: OperationDiff, failOn: Level): string {
  const fails = diff.changes.some((change) => reaches(change.level, failOn));
  return JSON.stringify({ old: diff.old, new: diff.new, failOn, fails, totals: totalsOf(diff.changes), changes: diff.changes }, null, 2);
}
