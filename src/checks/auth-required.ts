/** auth_required: a missing or wrong API key is refused 401, whatever else the request holds. */
import { RATE_LIMITED_STATUS, UNAUTHENTICATED_STATUS } from './documented.js';
import { describeOutcome, finding, isTransportFailure, notApplicable, skip } from './finding.js';
import type { Check } from './types.js';

const ID = 'auth_required';

/** Flags anything but 401 for a request without the right key: authentication is decided before anything else. */
export const authRequired: Check = {
  id: ID,
  description: 'requests with the API key missing or wrong that are not refused 401 (auth is decided first)',
  documents: '`security: ApiKeyAuth` (X-API-KEY header) and `responses.401` "User is not authenticated."',
  applies: (testCase) => testCase.key !== 'valid',
  run(context, exchange) {
    const { response } = exchange;
    if (context.facts.apiKeyHeaders.length === 0) return notApplicable('the operation needs no API key');
    if (!context.facts.statuses.includes(UNAUTHENTICATED_STATUS)) return skip(`the contract documents no ${UNAUTHENTICATED_STATUS}`);
    if (isTransportFailure(response)) return skip(`no response (${response.error})`);
    if (response.status === UNAUTHENTICATED_STATUS) return [];
    // A gateway's global rate limiter may answer before authentication: no evidence either way.
    if (response.status === RATE_LIMITED_STATUS) return skip('rate limited (429): no evidence either way');
    const how = exchange.case.key === 'missing' ? 'without an API key' : 'with a wrong API key';
    const verb = response.status < 300 ? 'accepted' : 'answered';
    return [finding(ID, exchange, {
      message: `a request ${how} was ${verb} ${response.status}`,
      expected: String(UNAUTHENTICATED_STATUS),
      actual: describeOutcome(response),
    })];
  },
};
