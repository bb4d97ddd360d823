/** Running checks on an exchange: the declared preconditions applied, then results turned into tallied outcomes. */
import { scenarioMismatch, UNKNOWN_DATA } from './cases.js';
import { RATE_LIMITED_STATUS } from './documented.js';
import { failsCheck, isTransportFailure, noResponse, RATE_LIMITED } from './finding.js';
import { addressesOperation } from './scope.js';
import type { AnsweredExchange, Check, CheckContext, CheckOutcome, CheckResult } from './check.js';
import type { Exchange, Finding, TransportFailure } from './types.js';

/** One check's outcome on one exchange. */
export interface CheckRun {
  readonly check: string;
  readonly outcome: CheckOutcome;
}

const NOT_APPLICABLE: CheckOutcome = { status: 'not-applicable' };

/** The outcome of findings: failed when one of them fails a check (warnings and drift alone do not). */
export function outcomeOfFindings(findings: readonly Finding[]): CheckOutcome {
  return findings.some((finding) => failsCheck(finding.kind)) ? { status: 'failed', findings } : { status: 'passed', findings };
}

function outcomeOf(result: CheckResult): CheckOutcome {
  if ('skipped' in result) return { status: 'skipped', reason: result.skipped };
  if ('notApplicable' in result) return NOT_APPLICABLE;
  return outcomeOfFindings(result);
}

const skipped = (reason: string): CheckOutcome => ({ status: 'skipped', reason });

/** Whether the case is the check's kind, this operation's (unless it judges any path), with the related exchange it needs. */
function inScope(check: Check, context: CheckContext, exchange: Exchange): boolean {
  if (!check.applies(exchange.case)) return false;
  if (!check.judgesAnyPath && !addressesOperation(context, exchange)) return false;
  return check.needs === undefined || (exchange.related ?? []).some((related) => related.relation === check.needs);
}

/** What the scenario's kind makes of the exchange when the check does not judge that kind; undefined when it does. */
function outsideScenarios(check: Check, exchange: Exchange): CheckOutcome | undefined {
  const { scenario } = exchange;
  if (check.scenarios === undefined || check.scenarios.includes(scenario.kind)) return undefined;
  // Unknown data is a skip, unless the runner sent the case there on purpose (an id it never set up): not applicable.
  return scenario.kind === 'unknown' && scenario.planned === undefined ? skipped(UNKNOWN_DATA) : NOT_APPLICABLE;
}

const answered = (exchange: Exchange): exchange is AnsweredExchange => !isTransportFailure(exchange.response);

/**
 * Runs one check on one exchange. Its declared preconditions are applied here and nowhere else, in this order: not
 * applicable when the case is not its kind, not this operation's, or lacks a related exchange it needs; its scenarios
 * (unknown data skips, another kind is not applicable); what it decides before the answer; a scenario about other ids
 * than the case's skips; then, for a check that needs a response, none skips, and a 429 skips where it is no evidence.
 */
export function runCheck(check: Check, context: CheckContext, exchange: Exchange): CheckOutcome {
  if (!inScope(check, context, exchange)) return NOT_APPLICABLE;
  const outside = outsideScenarios(check, exchange);
  if (outside) return outside;
  const early = check.beforeAnswer?.(context, exchange);
  if (early !== undefined) return outcomeOf(early);
  const mismatch = check.scenarios ? scenarioMismatch(exchange.case, exchange.scenario, context.facts) : undefined;
  if (mismatch !== undefined) return skipped(mismatch);
  if (!check.needsResponse) return outcomeOf(check.run(context, exchange));
  if (!answered(exchange)) return skipped(noResponse(exchange.response as TransportFailure));
  if (check.onRateLimited === 'skip' && exchange.response.status === RATE_LIMITED_STATUS) return skipped(RATE_LIMITED);
  return outcomeOf(check.run(context, exchange));
}

/** Runs every given check on one exchange, in table order. */
export function runChecks(checks: readonly Check[], context: CheckContext, exchange: Exchange): CheckRun[] {
  return checks.map((check) => ({ check: check.id, outcome: runCheck(check, context, exchange) }));
}
