/** access_denied: a customer the key may not access is refused 403 with a documented code. */
import { expectsValid, sendsValidKey } from './cases.js';
import { FORBIDDEN_STATUS } from './documented.js';
import { listCodes } from './error-code-documented.js';
import { describeOutcome, finding, jsonOf, literal, propertyOf, skip } from './finding.js';
import type { Check } from './check.js';

const ID = 'access_denied';

/** Flags anything but 403 (with a documented 403 code) for a valid request on a customer the key may not access. */
export const accessDenied: Check = {
  id: ID,
  description: 'a customer the API key may not access, not refused 403 with a documented 403 code',
  documents: '`responses.403` "User is not allowed to access this resource." with ForbiddenErrorResponseDto.code',
  applies: (testCase) => expectsValid(testCase) && sendsValidKey(testCase),
  scenarios: ['forbidden'],
  needsResponse: true,
  onRateLimited: 'skip',
  run(context, exchange) {
    const { response } = exchange;
    const codes = context.facts.errorCodes(FORBIDDEN_STATUS);
    if (codes === undefined) return skip(`the contract documents no ${FORBIDDEN_STATUS} codes`);
    if (response.status !== FORBIDDEN_STATUS) {
      return [finding(ID, exchange, {
        message: `a request for a forbidden customer was answered ${response.status}`,
        expected: String(FORBIDDEN_STATUS),
        actual: describeOutcome(response),
      })];
    }
    const body = jsonOf(response);
    const code = body.kind === 'json' ? propertyOf(body.value, 'code') : undefined;
    if (codes.includes(code)) return [];
    return [finding(ID, exchange, {
      message: `a forbidden customer was refused 403 with code ${literal(code)}`,
      expected: listCodes(codes),
      actual: literal(code),
    })];
  },
};
