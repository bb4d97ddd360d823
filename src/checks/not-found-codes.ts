/** not_found_codes: a missing customer or integration is answered 404 with the code that says which. */
import { expectsValid, sendsValidKey } from './cases.js';
import { NOT_FOUND_CODES, NOT_FOUND_STATUS } from './documented.js';
import { describeOutcome, finding, jsonOf, literal, propertyOf, skip } from './finding.js';
import type { Check } from './check.js';

const ID = 'not_found_codes';

/** Flags anything but 404 CustomerNotFound (no customer) or 404 IntegrationNotFound (customer without it). */
export const notFoundCodes: Check = {
  id: ID,
  description: 'a missing customer or integration not answered 404 with CustomerNotFound / IntegrationNotFound',
  documents: '`responses.404` "CustomerIntegration not found." with NotFoundErrorResponseDto.code (CustomerNotFound, IntegrationNotFound)',
  applies: (testCase) => expectsValid(testCase) && sendsValidKey(testCase),
  scenarios: ['no-customer', 'no-integration'],
  needsResponse: true,
  onRateLimited: 'skip',
  run(context, exchange) {
    const { scenario, response } = exchange;
    const code = scenario.kind === 'no-customer' ? NOT_FOUND_CODES.customer : NOT_FOUND_CODES.integration;
    if (!(context.facts.errorCodes(NOT_FOUND_STATUS) ?? []).includes(code)) return skip(`the contract documents no ${NOT_FOUND_STATUS} ${code}`);
    const what = scenario.kind === 'no-customer' ? 'a customer that does not exist' : 'an integration the customer does not have';
    const expected = `${NOT_FOUND_STATUS} ${code}`;
    if (response.status !== NOT_FOUND_STATUS) {
      return [finding(ID, exchange, {
        message: `a request for ${what} was answered ${response.status}`,
        expected,
        actual: describeOutcome(response),
      })];
    }
    const body = jsonOf(response);
    const sent = body.kind === 'json' ? propertyOf(body.value, 'code') : undefined;
    if (sent === code) return [];
    if (sent === null && (context.facts.errorCodes(NOT_FOUND_STATUS) ?? []).includes(null)) {
      // `code` is nullable: null is an answer, though it cannot say which of the two is missing.
      return [finding(ID, exchange, { kind: 'warning', message: `a request for ${what} was answered 404 with code null (allowed: nullable)`, expected, actual: '404 null' })];
    }
    return [finding(ID, exchange, {
      message: `a request for ${what} was answered 404 with code ${literal(sent)}`,
      expected,
      actual: `404 ${literal(sent)}`,
    })];
  },
};
