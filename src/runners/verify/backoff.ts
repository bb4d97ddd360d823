/**
 * Verify's requests behind a rate limiter: outside the rate-limited scenario a 429 is a limiter's "not now", not an
 * answer to judge, so it is waited out by the one retry loop (src/http/retry.ts), on a pause the run's requests share.
 */
import { Backoff, rateLimitRefusal, withRetryAfter } from '../../http/retry.js';
import type { ResponseOutcome } from '../../checks/index.js';
import type { Transport, WireRequest } from './transport.js';

export { Backoff };

/** A request answered 429 outside the rate-limited scenario is sent at most this many times in all. */
const RATE_LIMIT_ATTEMPTS = 4;

/** What sending with back-off needs: the transport, the back-off, and who watches each outcome. */
export interface BackoffSender {
  readonly transport: Transport;
  readonly backoff: Backoff;
  readonly health?: { observe(outcome: ResponseOutcome): void };
}

/** Sends after any pending back-off; a 429 (unless the case means to meet one) is waited out and sent again. */
export function sendWithBackoff(wire: WireRequest, sender: BackoffSender, meetsRateLimit: boolean): Promise<ResponseOutcome> {
  const send = async (): Promise<ResponseOutcome> => {
    const outcome = await sender.transport.send(wire);
    sender.health?.observe(outcome);
    return outcome;
  };
  const refusal = (outcome: ResponseOutcome): ReturnType<typeof rateLimitRefusal> =>
    !meetsRateLimit && !('error' in outcome) && rateLimitRefusal(outcome.status, outcome.headers);
  return withRetryAfter(send, refusal, sender.backoff, { maxAttempts: RATE_LIMIT_ATTEMPTS });
}
