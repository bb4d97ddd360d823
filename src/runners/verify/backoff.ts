/**
 * Back-off behind a rate limiter: outside the rate-limited scenario a 429 is a limiter's "not now", not an answer to
 * judge. The run waits as `Retry-After` says (1 s when it says nothing), each wait capped, all waits within a budget,
 * and sends again a few times, so a run behind a gateway's global limiter still ends within its bounds.
 */
import { retryAfterMs, type ResponseOutcome, RATE_LIMITED_STATUS } from '../../checks/index.js';
import type { Transport, WireRequest } from './transport.js';

/** A request answered 429 outside the rate-limited scenario is sent again at most this many times. */
const RATE_LIMIT_RETRIES = 3;

/** When the run may send again, and how long in all it was held back. */
export class Backoff {
  private until = 0;
  /** Wall-clock milliseconds the run was held back by Retry-After, for the report. */
  waited = 0;
  constructor(private readonly maxWaitMs: number, private readonly budgetMs = 60_000) {}
  /** Whether a Retry-After is still running (checked first, so the usual case costs no promise). */
  get pending(): boolean {
    return this.until > Date.now();
  }
  /** Whether waiting and sending again is still within the budget. */
  get canRetry(): boolean {
    return this.waited < this.budgetMs;
  }
  async wait(): Promise<void> {
    const delay = this.until - Date.now();
    if (delay <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  /** A 429 said to wait `ms`: the pause is extended, and only the extension counts (requests wait it together). */
  told(ms: number | undefined): void {
    const now = Date.now();
    const until = now + Math.min(ms ?? 1000, this.maxWaitMs);
    if (until <= this.until) return;
    this.waited += until - Math.max(this.until, now);
    this.until = until;
  }
}

/** What sending with back-off needs: the transport, the back-off, and who watches each outcome. */
export interface BackoffSender {
  readonly transport: Transport;
  readonly backoff: Backoff;
  readonly health?: { observe(outcome: ResponseOutcome): void };
}

/** Sends after any pending back-off; a 429 (unless the case means to meet one) is waited out and sent again. */
export async function sendWithBackoff(wire: WireRequest, sender: BackoffSender, meetsRateLimit: boolean): Promise<ResponseOutcome> {
  for (let attempt = 0; ; attempt++) {
    if (sender.backoff.pending) await sender.backoff.wait();
    const outcome = await sender.transport.send(wire);
    sender.health?.observe(outcome);
    if (meetsRateLimit || 'error' in outcome || outcome.status !== RATE_LIMITED_STATUS) return outcome;
    sender.backoff.told(retryAfterMs({ response: outcome }));
    if (attempt === RATE_LIMIT_RETRIES || !sender.backoff.canRetry) return outcome;
  }
}
