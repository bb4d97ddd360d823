/** The exit code a report maps to: 0 no violation, 1 violations, 2 the run could not be done. */
import { incompleteness } from './completeness.js';
import type { Report } from './types.js';

/** The exit codes of `stigg-contract verify` (and of every command that returns a report). */
export const EXIT_CODES = { ok: 0, violations: 1, couldNotRun: 2 } as const;

/** An exit code. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * 2 when the run was aborted; 1 for any violation or failed pact interaction, for contract defects only with
 * `strictContract` and for contract drift only with `failOnDrift` (default: the report's own settings); else 2 when
 * the verdict is not whole (stopped, interrupted, a problem, too few cases judged: completeness.ts), else 0.
 * Warnings never fail a run.
 */
export function exitCodeOf(report: Report, options: { readonly strictContract?: boolean; readonly failOnDrift?: boolean } = {}): ExitCode {
  if (report.aborted) return EXIT_CODES.couldNotRun;
  const strict = options.strictContract ?? report.meta.strictContract;
  const drift = options.failOnDrift ?? report.meta.failOnDrift ?? false;
  const { violations, contractDefects, contractDrift, pactFailures } = report.totals;
  if (violations > 0 || pactFailures > 0 || (strict && contractDefects > 0) || (drift && contractDrift > 0)) return EXIT_CODES.violations;
  return incompleteness(report) === undefined ? EXIT_CODES.ok : EXIT_CODES.couldNotRun;
}
