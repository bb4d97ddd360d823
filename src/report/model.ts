/** Reading the report model: exchange findings told apart from located ones, coverage lines by name. */
import type { Finding } from '../checks/types.js';
import type { Coverage, CoverageLine, ReportFinding, Tally } from './types.js';

/** Whether the finding is about an exchange the harness sent (verify's), with its request and reproducer. */
export const isExchangeFinding = (finding: ReportFinding): finding is Finding => 'request' in finding;

/** The coverage line of that name (`statuses`, `404 codes`, `/data/syncData branches`), if the report has one. */
export const coverageLine = (coverage: Coverage, name: string): CoverageLine | undefined => coverage.find((line) => line.name === name);

/** A tally: the counts seen, most first, and the documented values never seen. */
export function tally(counter: ReadonlyMap<string, number>, documented: readonly string[]): Tally {
  const seen = [...counter].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { seen, notCovered: documented.filter((value) => !counter.has(value)) };
}
