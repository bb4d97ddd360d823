/**
 * Whether a report's verdict is whole. A run interrupted (Ctrl+C), stopped before its end (its cap, a provider that
 * stopped answering, a key left rate limited, the 429 wait budget spent), left with problems (a provider state its
 * teardown left in place, the pact phase cut off) or that judged too few of its cases (a rate limiter's 429s are no
 * evidence) never reads PASSED: its last line says so with its counts, its JUnit has an error case for it, and
 * without a violation it exits 2. The one home of that rule for every writer and the exit code.
 */
import type { Paint } from './console-contract.js';
import type { Report } from './types.js';

/**
 * The share of its cases a run must judge to give a verdict. A gateway's limiter that refuses a few requests in
 * hundreds, or a window outliving a teardown, is waited out and leaves nearly every case judged; a provider that
 * refuses most of them leaves nothing to give a verdict on.
 */
export const EVIDENCE_FLOOR = 0.9;

/** Why a report gives no whole verdict: its label on the last line, the reason, and the JUnit error type. */
export interface Incomplete {
  readonly label: 'INTERRUPTED' | 'STOPPED' | 'INCOMPLETE' | 'RATE LIMITED';
  readonly reason?: string;
  readonly type: 'interrupted' | 'stopped' | 'problems' | 'no-evidence';
}

/** The cases a run planned: those it sent and those a stop left unsent. */
export const plannedCases = (report: Report): number => report.totals.exchanges + (report.meta.stopped?.notRun ?? 0);

/** How many of its cases the run judged (every one sent, in reports that do not count). */
const judgedCases = (report: Report): number => report.totals.judged ?? report.totals.exchanges;

/** Why the report's verdict is not whole, or undefined when it is. */
export function incompleteness(report: Report): Incomplete | undefined {
  const { stopped } = report.meta;
  if (stopped?.interrupted === true) return { label: 'INTERRUPTED', type: 'interrupted' };
  if (stopped) return { label: 'STOPPED', reason: stopped.reason, type: 'stopped' };
  const problems = report.problems ?? [];
  if (problems.length > 0) return { label: 'INCOMPLETE', reason: `${problems[0]?.message ?? ''}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`, type: 'problems' };
  const { exchanges } = report.totals;
  const judged = judgedCases(report);
  if (judged < EVIDENCE_FLOOR * exchanges) return { label: 'RATE LIMITED', reason: `a rate limiter answered 429 to ${exchanges - judged} of ${exchanges} cases (a verdict needs ${EVIDENCE_FLOOR * 100}% of them judged)`, type: 'no-evidence' };
  return undefined;
}

/** `N of M planned cases judged`. */
export const judgedText = (report: Report): string => `${judgedCases(report)} of ${plannedCases(report)} planned cases judged`;

/** The head of an incomplete verdict's line: `STOPPED: why`. */
export const incompleteHead = (incomplete: Incomplete): string => `${incomplete.label}${incomplete.reason === undefined ? '' : `: ${incomplete.reason}`}`;

/**
 * The last console line of an incomplete run, with `counts` (violations, pact failures, …): `STOPPED: why · no
 * verdict: N of M planned cases judged · counts`, or with FAILED when the violations found fail it anyway.
 */
export function incompleteLine(incomplete: Incomplete, report: Report, counts: string, failed: boolean, paint: Paint): string {
  const head = incompleteHead(incomplete);
  return failed ? paint(31, `${head} · FAILED: ${counts} · ${judgedText(report)}`) : paint(33, `${head} · no verdict: ${judgedText(report)} · ${counts}`);
}

/** The problems section of the console report (nothing when there are none), the same problem once with its count. */
export function problemLines(report: Report, paint: Paint): string[] {
  const problems = report.problems ?? [];
  if (problems.length === 0) return [];
  const counts = new Map<string, number>();
  for (const { kind, message } of problems) counts.set(`[${kind}] ${message}`, (counts.get(`[${kind}] ${message}`) ?? 0) + 1);
  const lines = [...counts].map(([line, count]) => paint(33, `! ${line}${count > 1 ? `  ×${count}` : ''}`));
  return [paint(1, `Problems (${problems.length}): the run is incomplete`), ...lines, ''];
}

/** The JUnit error cases of the run itself: one for an incomplete verdict, one per distinct problem (name, message, type). */
export function runErrorCases(report: Report): { name: string; message: string; type: string }[] {
  const incomplete = incompleteness(report);
  const verdict = incomplete === undefined ? [] : [{ name: 'verdict', message: `${incompleteHead(incomplete)} · ${judgedText(report)}`, type: incomplete.type }];
  const problems = new Map<string, { name: string; message: string; type: string; count: number }>();
  for (const problem of report.problems ?? []) {
    const key = `${problem.kind}\u0000${problem.message}`;
    const seen = problems.get(key);
    if (seen) seen.count++;
    else problems.set(key, { name: problem.state === undefined ? problem.kind : `${problem.kind} › ${problem.state}`, message: problem.message, type: problem.kind, count: 1 });
  }
  return [...verdict, ...[...problems.values()].map(({ count, ...rest }) => ({ ...rest, message: `${rest.message}${count > 1 ? ` (×${count})` : ''}` }))];
}
