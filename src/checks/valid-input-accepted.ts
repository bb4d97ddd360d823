/** valid_input_accepted: a valid request on existing data succeeds. */
import { expectsValid, sendsValidKey } from './cases.js';
import { describeOutcome, finding, skip } from './finding.js';
import { onlyStrictRejects } from './scope.js';
import type { Check } from './check.js';

const ID = 'valid_input_accepted';

/** Flags any answer but the documented success to a valid, authenticated request on a customer's existing integration. */
export const validInputAccepted: Check = {
  id: ID,
  description: 'valid requests on an existing customer integration that are not answered with the documented success',
  documents: '`responses.200`: "The updated customer integration object." for any request the contract allows',
  applies: (testCase) => expectsValid(testCase) && sendsValidKey(testCase),
  scenarios: ['existing'],
  needsResponse: true,
  onRateLimited: 'skip',
  run(context, exchange) {
    const { response } = exchange;
    const success = context.facts.successStatus;
    if (success === undefined) return skip('the contract documents no 2xx response');
    if (response.status === success) return [];
    if (onlyStrictRejects(context, exchange)) {
      // The contract as written forbids what its intent allows: refusing the request is one of its readings.
      return [finding(ID, exchange, {
        kind: 'contract-defect',
        message: `a request only the contract as written rejects was answered ${response.status} (see \`stigg-contract lint\`)`,
        expected: `${success}, or the answer to a rejected request`,
        actual: describeOutcome(response),
      })];
    }
    return [finding(ID, exchange, {
      message: `a valid request on an existing integration was answered ${response.status}`,
      expected: String(success),
      actual: describeOutcome(response),
    })];
  },
};
