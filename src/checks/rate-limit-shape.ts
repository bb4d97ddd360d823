/** rate_limit_shape: a 429 says why (its code) and when to come back (`Retry-After`). */
import { expectsValid, sendsValidKey } from './cases.js';
import { RATE_LIMITED_CODE, RATE_LIMITED_STATUS } from './documented.js';
import { describeOutcome, finding, headerOf, jsonOf, literal, notApplicable, propertyOf, show } from './finding.js';
import { parseRetryAfter } from '../http/retry-after.js';
import type { Check } from './check.js';
import type { Exchange, Finding, ReceivedResponse } from './types.js';

const ID = 'rate_limit_shape';

function shapeFindings(exchange: Exchange, response: ReceivedResponse, codes: readonly unknown[]): Finding[] {
  const body = jsonOf(response);
  const value = body.kind === 'json' ? body.value : undefined;
  const findings: Finding[] = [];
  if (typeof propertyOf(value, 'message') !== 'string') {
    findings.push(finding(ID, exchange, {
      message: '429 body has no string message',
      expected: '{"message": string, "code": …}',
      actual: show(response.rawBody),
    }));
  }
  const code = propertyOf(value, 'code');
  if (code === null && codes.includes(null)) {
    findings.push(finding(ID, exchange, { kind: 'warning', message: '429 code is null', expected: RATE_LIMITED_CODE, actual: 'null' }));
  } else if (code !== RATE_LIMITED_CODE && codes.includes(RATE_LIMITED_CODE)) {
    findings.push(finding(ID, exchange, { message: `429 code is ${literal(code)}`, expected: RATE_LIMITED_CODE, actual: literal(code) }));
  }
  const retryAfter = headerOf(response, 'retry-after');
  if (retryAfter === undefined) {
    // The contract documents no 429 headers, so a missing Retry-After is worth a warning, not a violation.
    findings.push(finding(ID, exchange, {
      kind: 'warning',
      message: '429 without Retry-After: clients cannot back off as told',
      expected: 'Retry-After: delta-seconds or HTTP-date',
      actual: '(no Retry-After)',
    }));
  } else if (parseRetryAfter(retryAfter, 0) === undefined) {
    findings.push(finding(ID, exchange, {
      message: '429 with a malformed Retry-After',
      expected: 'delta-seconds (e.g. 1) or an HTTP-date (RFC 9110 §10.2.3)',
      actual: retryAfter,
    }));
  }
  return findings;
}

/** Flags a 429 without the documented shape and code or with a malformed `Retry-After`, and a missing 429 while rate limited. */
export const rateLimitShape: Check = {
  id: ID,
  description: 'a 429 without message and RateLimitExceeded, with a malformed Retry-After; no 429 while rate limited',
  documents: '`responses.429` "Too many requests." with TooManyRequestsErrorResponseDto.code RateLimitExceeded; RFC 9110 §10.2.3 Retry-After',
  applies: () => true,
  needsResponse: true,
  run(context, exchange) {
    const { response, scenario } = exchange;
    if (response.status === RATE_LIMITED_STATUS) return shapeFindings(exchange, response, context.facts.errorCodes(RATE_LIMITED_STATUS) ?? []);
    const meantToBeLimited = scenario.kind === 'rate-limited' && expectsValid(exchange.case) && sendsValidKey(exchange.case);
    if (!meantToBeLimited) return notApplicable(`answered ${response.status}`);
    return [finding(ID, exchange, {
      message: `a rate-limited key's valid request was answered ${response.status}`,
      expected: String(RATE_LIMITED_STATUS),
      actual: describeOutcome(response),
    })];
  },
};
