/** status_documented: every status the provider answers with is one the operation documents. */
import { finding, headerOf, isTransportFailure, show, skip } from './finding.js';
import type { Check } from './types.js';

const ID = 'status_documented';

/** Flags undocumented statuses, redirects included (a client of this operation does not follow them). */
export const statusDocumented: Check = {
  id: ID,
  description: 'statuses the contract does not document, redirects included',
  documents: 'the operation\'s `responses` list every status a client must handle',
  applies: () => true,
  run(context, exchange) {
    const { response } = exchange;
    if (isTransportFailure(response)) return skip(`no response (${response.error})`);
    const { statuses } = context.facts;
    if (statuses.includes(response.status)) return [];
    const location = headerOf(response, 'location');
    const redirect = response.status >= 300 && response.status < 400;
    const message = redirect ? `redirect ${response.status} is not a documented status` : `status ${response.status} is not documented`;
    const actual = redirect ? `${response.status} Location: ${location ?? '(none)'}` : `${response.status} ${show(response.rawBody, 120)}`;
    return [finding(ID, exchange, { message, expected: `one of ${statuses.join(', ')}`, actual })];
  },
};
