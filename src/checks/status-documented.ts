/** status_documented: every status the provider answers with is one the operation documents. */
import { sendsUnsupportedMediaType } from './cases.js';
import { UNSUPPORTED_MEDIA_TYPE_STATUS } from './documented.js';
import { finding, headerOf, show } from './finding.js';
import type { Check } from './check.js';

const ID = 'status_documented';

/**
 * Flags undocumented statuses, redirects included (a client of this operation does not follow them); a 415 for a body
 * sent without the documented media type is HTTP's own answer to a request the operation does not take.
 */
export const statusDocumented: Check = {
  id: ID,
  description: 'statuses the contract does not document, redirects included',
  documents: 'the operation\'s `responses` list every status a client must handle',
  applies: () => true,
  needsResponse: true,
  run(context, exchange) {
    const { response } = exchange;
    const { statuses } = context.facts;
    if (statuses.includes(response.status)) return [];
    // HTTP's own answer to a body the operation does not take (invalid_input_rejected notes it).
    if (response.status === UNSUPPORTED_MEDIA_TYPE_STATUS && sendsUnsupportedMediaType(exchange.case, context.facts)) return [];
    const location = headerOf(response, 'location');
    const redirect = response.status >= 300 && response.status < 400;
    const message = redirect ? `redirect ${response.status} is not a documented status` : `status ${response.status} is not documented`;
    const actual = redirect ? `${response.status} Location: ${location ?? '(none)'}` : `${response.status} ${show(response.rawBody, 120)}`;
    return [finding(ID, exchange, { message, expected: `one of ${statuses.join(', ')}`, actual })];
  },
};
