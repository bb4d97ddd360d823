/** Running checks on an exchange: results turned into tallied outcomes. */
import { failsCheck } from './finding.js';
import { addressesOperation } from './scope.js';
import type { Check, CheckContext, CheckOutcome, CheckResult, Exchange, Finding } from './types.js';

/** One check's outcome on one exchange. */
export interface CheckRun {
  readonly check: string;
  readonly outcome: CheckOutcome;
}

/** The outcome of findings: failed when one of them fails a check (warnings and drift alone do not). */
export function outcomeOfFindings(findings: readonly Finding[]): CheckOutcome {
  return findings.some((finding) => failsCheck(finding.kind)) ? { status: 'failed', findings } : { status: 'passed', findings };
}

function outcomeOf(result: CheckResult): CheckOutcome {
  if ('skipped' in result) return { status: 'skipped', reason: result.skipped };
  if ('notApplicable' in result) return { status: 'not-applicable' };
  return outcomeOfFindings(result);
}

/** Runs one check; not applicable when the case is not its kind, not this operation's, or lacks a related exchange it needs. */
export function runCheck(check: Check, context: CheckContext, exchange: Exchange): CheckOutcome {
  if (!check.applies(exchange.case)) return { status: 'not-applicable' };
  if (!check.judgesAnyPath && !addressesOperation(context, exchange)) return { status: 'not-applicable' };
  if (check.needs && !(exchange.related ?? []).some((related) => related.relation === check.needs)) return { status: 'not-applicable' };
  return outcomeOf(check.run(context, exchange));
}

/** Runs every given check on one exchange, in table order. */
export function runChecks(checks: readonly Check[], context: CheckContext, exchange: Exchange): CheckRun[] {
  return checks.map((check) => ({ check: check.id, outcome: runCheck(check, context, exchange) }));
}
