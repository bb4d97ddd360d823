/** Pure text formatters for broker answers: notices by type, the can-i-deploy matrix as a compact table. */
import type { CanIDeployAnswer, MatrixRow } from './can-i-deploy.js';
import type { BrokerNotice } from './notices.js';

/** One line per notice, prefixed with its type; `debug` notices only when asked for. */
export function formatNotices(notices: readonly BrokerNotice[], verbose = false): string[] {
  return notices.filter((n) => verbose || n.type !== 'debug').map((n) => `[${n.type}] ${n.text}`);
}

/** Full git SHAs are shortened to 7 characters in tables, as the Pact CLIs do; other versions stay whole. */
export function shortVersion(version: string): string {
  return /^[0-9a-f]{40}$/.test(version) ? version.slice(0, 7) : version;
}

function verdict(row: MatrixRow): string {
  if (row.success === undefined) return '???';
  return row.success ? 'true' : 'false';
}

/** The matrix rows as an aligned table (CONSUMER, C.VERSION, PROVIDER, P.VERSION, SUCCESS?). */
export function formatMatrix(rows: readonly MatrixRow[]): string[] {
  if (rows.length === 0) return ['(the matrix has no rows for this query)'];
  const table = [
    ['CONSUMER', 'C.VERSION', 'PROVIDER', 'P.VERSION', 'SUCCESS?'],
    ...rows.map((r) => [r.consumer, shortVersion(r.consumerVersion), r.provider, r.providerVersion === undefined ? '-' : shortVersion(r.providerVersion), verdict(r)]),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  return table.map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ').trimEnd());
}

/** The verdict line: "yes", "no" or "unknown", with the broker's reason. */
export function formatVerdict(answer: CanIDeployAnswer): string {
  const word = answer.deployable === true ? 'yes' : answer.deployable === false ? 'no' : 'unknown (the broker could not decide)';
  const counts = `${answer.counts.success} successful, ${answer.counts.failed} failed, ${answer.counts.unknown} unknown`;
  return `deployable: ${word} (${counts})${answer.reason !== '' ? `\n${answer.reason}` : ''}`;
}
