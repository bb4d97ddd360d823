/** Comparing two answers to requests that should be answered alike (idempotency, ignored headers). */
import type { JsonSchema } from '../contract/types.js';
import { RATE_LIMITED_STATUS } from './documented.js';
import { documentedView } from './documented-view.js';
import { describeOutcome, finding, isTransportFailure, jsonOf, literal, noResponse, propertyOf, RATE_LIMITED, skip } from './finding.js';
import { atPointer } from '../contract/json.js';
import { firstDifference } from './json-diff.js';
import type { CheckContext, CheckResult } from './check.js';
import type { Exchange, Finding, RelatedExchange, Relation, ResponseOutcome } from './types.js';

/** Alike, different (with what differs), or not comparable (no response, rate limited). */
export type Comparison =
  | { readonly kind: 'alike' }
  | { readonly kind: 'different'; readonly what: string; readonly expected: string; readonly actual: string }
  | { readonly kind: 'incomparable'; readonly reason: string };

/** Why an answer cannot be compared: none came, or a limiter's (the reasons runCheck gives for the primary one). */
function incomparable(outcome: ResponseOutcome): string | undefined {
  if (isTransportFailure(outcome)) return noResponse(outcome);
  return outcome.status === RATE_LIMITED_STATUS ? RATE_LIMITED : undefined;
}

/**
 * Compares `other` (the reference) with `primary`: same status; for the success status the same documented part of
 * the JSON body (`successSchema` says which; undocumented extras may differ); for other statuses the same error
 * `code` (messages may carry request ids or timestamps).
 */
export function compareAnswers(primary: ResponseOutcome, other: ResponseOutcome, successStatus: number | undefined, successSchema?: JsonSchema): Comparison {
  const reason = incomparable(primary) ?? incomparable(other);
  if (reason !== undefined || isTransportFailure(primary) || isTransportFailure(other)) return { kind: 'incomparable', reason: reason ?? 'no response' };
  if (primary.status !== other.status) {
    return { kind: 'different', what: 'status', expected: describeOutcome(other), actual: describeOutcome(primary) };
  }
  const a = jsonOf(other);
  const b = jsonOf(primary);
  if (a.kind !== 'json' || b.kind !== 'json') {
    return a.kind === b.kind ? { kind: 'alike' } : { kind: 'different', what: 'body', expected: describeOutcome(other), actual: describeOutcome(primary) };
  }
  if (primary.status === successStatus) {
    // Identical bytes are alike without a structural walk (the usual case, checked on every related exchange).
    if (primary.rawBody === other.rawBody) return { kind: 'alike' };
    const expected = documentedView(successSchema, a.value);
    const actual = documentedView(successSchema, b.value);
    const pointer = firstDifference(expected, actual);
    if (pointer === undefined) return { kind: 'alike' };
    const at = (value: unknown): string => literal(atPointer(value, pointer), 200);
    return { kind: 'different', what: `body at ${pointer || '(root)'}`, expected: at(expected), actual: at(actual) };
  }
  const codeA = propertyOf(a.value, 'code');
  const codeB = propertyOf(b.value, 'code');
  return codeA === codeB ? { kind: 'alike' } : { kind: 'different', what: 'error code', expected: literal(codeA), actual: literal(codeB) };
}

/**
 * What a multi-exchange check finds: the exchange compared with each of its related exchanges of `relation`; a
 * finding per one answered differently (`message` words it), or a skip when none could be compared.
 */
export function compareRelated(check: string, context: CheckContext, exchange: Exchange, relation: Relation, message: (related: RelatedExchange, what: string) => string): CheckResult {
  const findings: Finding[] = [];
  const reasons: string[] = [];
  for (const related of (exchange.related ?? []).filter((r) => r.relation === relation)) {
    const comparison = compareAnswers(exchange.response, related.response, context.facts.successStatus, context.facts.successSchema);
    if (comparison.kind === 'incomparable') reasons.push(comparison.reason);
    if (comparison.kind !== 'different') continue;
    findings.push(finding(check, exchange, { message: message(related, comparison.what), expected: `${comparison.expected} (${related.label})`, actual: comparison.actual }));
  }
  return findings.length === 0 && reasons.length > 0 ? skip(reasons[0] ?? '') : findings;
}
