/** Running checks on an exchange: results turned into tallied outcomes. */
import { addressesOperation } from './scope.js';
import type { Check, CheckContext, CheckOutcome, CheckResult, Exchange, Finding } from './types.js';

/** One check's outcome on one exchange. */
export interface CheckRun {
  readonly check: string;
  readonly outcome: CheckOutcome;
}

function outcomeOf(result: CheckResult): CheckOutcome {
  if ('skipped' in result) return { status: 'skipped', reason: result.skipped };
  if ('notApplicable' in result) return { status: 'not-applicable' };
  const findings: readonly Finding[] = result;
  const failed = findings.some((finding) => finding.kind !== 'warning');
  return failed ? { status: 'failed', findings } : { status: 'passed', findings };
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
