/** valid_input_accepted: a valid request on existing data succeeds. */
import { expectsValid, scenarioMismatch, sendsValidKey, unknownData } from './cases.js';
import { RATE_LIMITED_STATUS } from './documented.js';
import { describeOutcome, finding, isTransportFailure, notApplicable, skip } from './finding.js';
import { onlyStrictRejects } from './scope.js';
import type { Check } from './types.js';

const ID = 'valid_input_accepted';

/** Flags any answer but the documented success to a valid, authenticated request on a customer's existing integration. */
export const validInputAccepted: Check = {
  id: ID,
  description: 'valid requests on an existing customer integration that are not answered with the documented success',
  documents: '`responses.200`: "The updated customer integration object." for any request the contract allows',
  applies: (testCase) => expectsValid(testCase) && sendsValidKey(testCase),
  run(context, exchange) {
    const { scenario, response } = exchange;
    if (scenario.kind === 'unknown') return unknownData(scenario);
    if (scenario.kind !== 'existing') return notApplicable(`scenario ${scenario.kind}`);
    const mismatch = scenarioMismatch(exchange.case, scenario, context.facts);
    if (mismatch !== undefined) return skip(mismatch);
    const success = context.facts.successStatus;
    if (success === undefined) return skip('the contract documents no 2xx response');
    if (isTransportFailure(response)) return skip(`no response (${response.error})`);
    if (response.status === RATE_LIMITED_STATUS) return skip('rate limited (429): no evidence either way');
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
