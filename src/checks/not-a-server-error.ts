/** not_a_server_error: the provider never crashes, hangs, resets, floods, or sends non-JSON where JSON is documented. */
import { finding, isTransportFailure, jsonOf, show } from './finding.js';
import { addressesOperation } from './scope.js';
import type { Check } from './check.js';
import { isJsonMediaType } from '../http/media-type.js';

const ID = 'not_a_server_error';

/** Flags 5xx statuses, transport failures (on any path), and unparseable bodies on documented JSON responses. */
export const notAServerError: Check = {
  id: ID,
  description: 'server errors (5xx), timeouts, resets, refused connections, oversized bodies, non-JSON where JSON is documented',
  documents: 'the operation documents no 5xx response, and every documented response as application/json (`responses`)',
  applies: () => true,
  judgesAnyPath: true,
  run(context, exchange) {
    const { response } = exchange;
    if (isTransportFailure(response)) {
      return [finding(ID, exchange, {
        message: `no usable response: ${response.error}`,
        expected: 'a documented HTTP response',
        actual: `${response.error}: ${response.message}`,
      })];
    }
    if (response.status >= 500) {
      return [finding(ID, exchange, {
        message: `server error ${response.status}`,
        expected: 'a status below 500',
        actual: `${response.status} ${show(response.rawBody, 120)}`,
      })];
    }
    // Outside the operation's template a router answers in its own format (an HTML 404 page is legitimate).
    if (!addressesOperation(context, exchange)) return [];
    const media = context.facts.mediaType(response.status);
    if (media !== undefined && isJsonMediaType(media)) {
      const body = jsonOf(response);
      if (body.kind === 'invalid') {
        return [finding(ID, exchange, {
          message: `status ${response.status} body is not JSON`,
          expected: `an ${media} body`,
          actual: `${show(response.rawBody, 120)} (${body.error})`,
        })];
      }
    }
    return [];
  },
};
