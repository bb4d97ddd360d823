/** Reading the report model: exchange findings told apart from located ones, signatures, coverage lines by name and merged. */
import { createHash } from 'node:crypto';
import type { Finding } from '../checks/types.js';
import type { Coverage, CoverageLine, FindingGroup, ReportFinding, Tally } from './types.js';

/** `Stigg API 7.64.2 (contracts/stigg-api.openapi.yaml)`: a version of the contract as every writer names it. */
export const versionText = (title: string | undefined, version: string, file: string): string => `${title ? `${title} ` : ''}${version} (${file})`;

/** Whether the finding is about an exchange the harness sent (verify's), with its request and reproducer. */
export const isExchangeFinding = (finding: ReportFinding): finding is Finding => 'request' in finding;

/** The coverage line of that name (`statuses`, `404 codes`, `/data/syncData branches`), if the report has one. */
export const coverageLine = (coverage: Coverage, name: string): CoverageLine | undefined => coverage.find((line) => line.name === name);

/** A tally: the counts seen, most first, and the documented values never seen. */
export function tally(counter: ReadonlyMap<string, number>, documented: readonly string[]): Tally {
  // localeCompare finds canonically equivalent strings equal (`Café` in NFC and NFD): code units break the tie, so the
  // order never depends on which was counted first (the coverage of shards merges to the same lines as one run's).
  const seen = [...counter].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { seen, notCovered: documented.filter((value) => !counter.has(value)) };
}

/**
 * A finding group's stable signature: its check, kind and message shape (what made its findings "the same problem"),
 * hashed to a short name. Equal in every run and shard that found the same problem: reports merge on it.
 */
export const findingSignature = (group: Pick<FindingGroup, 'check' | 'kind' | 'shape'>): string =>
  createHash('sha256').update(`${group.check}\u0000${group.kind}\u0000${group.shape}`).digest('hex').slice(0, 16);

/** Coverage of several runs as one: counts add up per line and value, a value stays not covered only if no run saw it. */
export function mergeCoverage(coverages: readonly Coverage[]): Coverage {
  const lines = new Map<string, { counts: Map<string, number>; notCovered: string[] | undefined; undocumented: Set<string> | undefined; others?: number }>();
  for (const coverage of coverages) {
    for (const line of coverage) {
      const merged = lines.get(line.name) ?? { counts: new Map<string, number>(), notCovered: undefined, undocumented: undefined };
      lines.set(line.name, merged);
      for (const { value, count } of line.seen) merged.counts.set(value, (merged.counts.get(value) ?? 0) + count);
      merged.notCovered = merged.notCovered === undefined ? [...line.notCovered] : merged.notCovered.filter((value) => line.notCovered.includes(value));
      if (line.undocumented) merged.undocumented = new Set([...(merged.undocumented ?? []), ...line.undocumented]);
      if (line.otherDocumented !== undefined) merged.others = Math.max(merged.others ?? 0, line.otherDocumented);
    }
  }
  return [...lines].map(([name, merged]) => {
    const { seen } = tally(merged.counts, []);
    const notCovered = (merged.notCovered ?? []).filter((value) => !merged.counts.has(value));
    return { name, seen, notCovered, ...(merged.undocumented ? { undocumented: [...merged.undocumented].sort() } : {}), ...(merged.others === undefined ? {} : { otherDocumented: merged.others }) };
  });
}
