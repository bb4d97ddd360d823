/**
 * JSON response bodies parsed once, so checks need not. Kept apart from sending, so a caller can parse while its next
 * request is on the wire rather than between two requests.
 */
import type { Exchange, ResponseOutcome } from '../../checks/index.js';
import { isJsonMediaType } from '../../http/media-type.js';

/** A JSON body parsed; anything else (not JSON, not labelled JSON, empty, no response) stays raw. */
function parsed(outcome: ResponseOutcome): ResponseOutcome {
  if ('error' in outcome || outcome.body !== undefined || outcome.rawBody === '' || !isJsonMediaType(outcome.headers['content-type'] ?? '')) return outcome;
  try {
    return { ...outcome, body: JSON.parse(outcome.rawBody) as unknown };
  } catch {
    return outcome;
  }
}

/** The exchange with every JSON body parsed, the related exchanges' too. */
export function withParsedBodies(exchange: Exchange): Exchange {
  const related = exchange.related?.map((r) => ({ ...r, response: parsed(r.response) }));
  return { ...exchange, response: parsed(exchange.response), ...(related ? { related } : {}) };
}
