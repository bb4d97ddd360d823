/** state_teardown: what a provider state set up is gone after its teardown (no more 429, no more 403). */
import { expectsValid, sendsValidKey } from './cases.js';
import { describeOutcome, finding } from './finding.js';
import type { Check } from './check.js';

const ID = 'state_teardown';

/**
 * Flags a valid request, sent right after a state's teardown where the state had its effect, still answered with
 * that effect: the provider keeps the state, and every later request meets it (a rate limit that never lifts turns a
 * whole run into 429s). The runner sends a few tries, waiting as Retry-After says (a second at most each), so a
 * gateway's limiter that trips by chance is not taken for the state. A 429 is evidence here: it is what is judged.
 */
export const stateTeardown: Check = {
  id: ID,
  description: 'a provider state still in effect after its teardown (the key still rate limited, the customer still forbidden)',
  documents: 'the provider-state protocol: a state holds from its setup until its teardown (`"action": "teardown"`); outside it, 429 and 403 are not the answer to a valid request',
  applies: (testCase) => expectsValid(testCase) && sendsValidKey(testCase),
  scenarios: ['torn-down'],
  needsResponse: true,
  run(_context, exchange) {
    const { scenario, response } = exchange;
    if (scenario.kind !== 'torn-down' || response.status !== scenario.effectStatus) return [];
    const tries = scenario.tries > 1 ? ` (${scenario.tries} tries)` : '';
    return [finding(ID, exchange, {
      message: `after the teardown of "${scenario.state}", a valid request was still answered ${response.status}${tries}: the state was not undone`,
      expected: `any answer but ${scenario.effectStatus}: the state holds only until its teardown`,
      actual: describeOutcome(response),
    })];
  },
};
