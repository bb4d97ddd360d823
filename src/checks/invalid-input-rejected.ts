/** invalid_input_rejected: input that breaks the contract gets the documented bad-input answer. */
import { breaksAuth, sendsUnsupportedMediaType, tagLabel } from './cases.js';
import { BAD_INPUT_CODE, BAD_INPUT_STATUS, UNSUPPORTED_MEDIA_TYPE_STATUS } from './documented.js';
import { listCodes } from './error-code-documented.js';
import { describeOutcome, finding, jsonOf, literal, notApplicable, propertyOf, skip } from './finding.js';
import { addressesOperation, OFF_TEMPLATE, onlyIntentRejects } from './scope.js';
import type { Check } from './check.js';

const ID = 'invalid_input_rejected';

/**
 * Flags invalid path parameters, bodies and Content-Types that are not answered 400 with a documented 400 code;
 * warns when the code is not the schema-violation code, or when a body without the documented media type gets HTTP's
 * own 415. Not judged where the contract leaves the order of checks
 * open: while the customer is forbidden (403) or the key rate limited (429). Input that only the intent reading
 * rejects (a lint repair) is a contract-defect note, never a violation.
 */
export const invalidInputRejected: Check = {
  id: ID,
  description: 'invalid input (each broken constraint) not answered 400 with a documented 400 code',
  documents: '`responses.400` "bad request." with BadInputErrorResponseDto.code (BadUserInput for schema violations)',
  applies: (testCase) => testCase.expect.intent === 'invalid' && testCase.key === 'valid',
  judgesAnyPath: true,
  needsResponse: true,
  onRateLimited: 'skip',
  beforeAnswer(context, exchange) {
    const { scenario } = exchange;
    if (breaksAuth(exchange.case, context.facts)) return notApplicable('an API-key case (auth_required)');
    if (onlyIntentRejects(context, exchange)) {
      // The contract as written allows the value: every answer it documents for the case is acceptable.
      return [finding(ID, exchange, {
        kind: 'contract-defect',
        message: `input ${tagLabel(exchange.case)} breaks only a repair of the intent reading; the contract as written allows it, so no answer is demanded (see \`stigg-contract lint\`)`,
        expected: 'any documented answer',
        actual: describeOutcome(exchange.response),
      })];
    }
    if (!addressesOperation(context, exchange)) return notApplicable(OFF_TEMPLATE);
    if (scenario.kind === 'forbidden' || scenario.kind === 'rate-limited') return notApplicable(`scenario ${scenario.kind}`);
    if (!context.facts.statuses.includes(BAD_INPUT_STATUS)) return skip(`the contract documents no ${BAD_INPUT_STATUS}`);
    return undefined;
  },
  run(context, exchange) {
    const { response } = exchange;
    const tag = tagLabel(exchange.case);
    if (response.status === UNSUPPORTED_MEDIA_TYPE_STATUS && sendsUnsupportedMediaType(exchange.case, context.facts)) {
      return [finding(ID, exchange, {
        kind: 'warning',
        message: `a body without the documented media type (${tag}) was answered 415, HTTP's status for it, where the contract documents 400`,
        expected: String(BAD_INPUT_STATUS),
        actual: describeOutcome(response),
      })];
    }
    if (response.status !== BAD_INPUT_STATUS) {
      const verb = response.status < 300 ? 'accepted' : 'rejected';
      return [finding(ID, exchange, {
        message: `invalid input (${tag}) was ${verb} with ${response.status}`,
        expected: String(BAD_INPUT_STATUS),
        actual: describeOutcome(response),
      })];
    }
    const codes = context.facts.errorCodes(BAD_INPUT_STATUS) ?? [];
    const body = jsonOf(response);
    const code = body.kind === 'json' ? propertyOf(body.value, 'code') : undefined;
    if (!codes.includes(code)) {
      return [finding(ID, exchange, {
        message: `invalid input (${tag}) was answered 400 with an undocumented code`,
        expected: listCodes(codes),
        actual: literal(code),
      })];
    }
    if (code !== BAD_INPUT_CODE && codes.includes(BAD_INPUT_CODE)) {
      return [finding(ID, exchange, {
        kind: 'warning',
        message: `invalid input (${tag}) was answered 400 ${literal(code)}, not ${BAD_INPUT_CODE}`,
        expected: BAD_INPUT_CODE,
        actual: literal(code),
      })];
    }
    return [];
  },
};
