/** How long a runner must wait after a 429, as its `Retry-After` says (read by the one parser in validators/, which the client shares). */
import { parseRetryAfter } from '../validators/retry-after.js';
import { headerOf, isTransportFailure } from './finding.js';
import type { Exchange } from './types.js';

/** How long to back off after this exchange, as its `Retry-After` says; undefined when there is no valid one. */
export function retryAfterMs(exchange: Pick<Exchange, 'response'>, now: number = Date.now()): number | undefined {
  const { response } = exchange;
  if (isTransportFailure(response)) return undefined;
  const value = headerOf(response, 'retry-after');
  return value === undefined ? undefined : parseRetryAfter(value, now);
}
