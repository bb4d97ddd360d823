/**
 * Waiting out a rate limiter. A 429 (RFC 6585 §4) is a limiter's "not now", not an answer: the sender waits as its
 * Retry-After says (a default when it says nothing), each wait capped, all waits within a budget, and sends again a
 * bounded number of times. The one loop every sender of the harness uses: verify's requests, its state changes (and
 * the relay in front of them for Pact's verifier), and the pact phase's re-verification.
 */
import { headerValue, type HeaderValues } from './headers.js';
import { retryAfterMs } from './retry-after.js';

/** RFC 6585 §4: the status of a request a rate limiter refused. */
export const TOO_MANY_REQUESTS = 429;

/** The wait when a refusal names none. */
const DEFAULT_WAIT_MS = 1000;

/** When senders behind one limiter may send again, and how long in all they were held back. */
export class Backoff {
  private until = 0;
  /** Wall-clock milliseconds the senders were held back, for the report. */
  waited = 0;
  constructor(private readonly maxWaitMs: number, private readonly budgetMs = 60_000) {}
  /** Whether a wait is still running (checked first, so the usual case costs no promise). */
  get pending(): boolean {
    return this.until > Date.now();
  }
  /** Whether waiting and sending again is still within the budget. */
  get canRetry(): boolean {
    return this.waited < this.budgetMs;
  }
  /** Resolves when the running wait, if any, is over. */
  async wait(): Promise<void> {
    const delay = this.until - Date.now();
    if (delay <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  /** A refusal said to wait `ms`: the pause is extended (capped), and only the extension counts (senders wait it together). */
  told(ms: number): void {
    const now = Date.now();
    const until = now + Math.min(ms, this.maxWaitMs);
    if (until <= this.until) return;
    this.waited += until - Math.max(this.until, now);
    this.until = until;
  }
}

/** A try a limiter refused, with the wait it named (ms) when it named one; `false` for any other answer. */
export type Refusal = false | { readonly retryAfterMs: number | undefined };

/** Reads an HTTP answer as a refusal: a 429, with its Retry-After when valid. */
export function rateLimitRefusal(status: number, headers: HeaderValues, now: number = Date.now()): Refusal {
  return status === TOO_MANY_REQUESTS ? { retryAfterMs: retryAfterMs(headerValue(headers, 'retry-after'), now) } : false;
}

/** How often one request may be sent, and how long to wait when a refusal names no time. */
export interface RetryLimits {
  /** The most sends of one request, the first included. */
  readonly maxAttempts: number;
  /** The wait after the n-th refusal (0 the first) that names none; 1 s when not given. */
  readonly defaultWaitMs?: (retry: number) => number;
}

/**
 * Sends, after any wait `backoff` is running, until an answer is not a refusal, the attempts are spent or the
 * budget is; then returns the last answer. A refusal extends the shared wait even when it is the last try, so the
 * next request waits too.
 */
export async function withRetryAfter<T>(send: () => Promise<T>, refusal: (answer: T) => Refusal, backoff: Backoff, limits: RetryLimits): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    if (backoff.pending) await backoff.wait();
    const answer = await send();
    const refused = refusal(answer);
    if (refused === false) return answer;
    backoff.told(refused.retryAfterMs ?? limits.defaultWaitMs?.(attempt - 1) ?? DEFAULT_WAIT_MS);
    if (attempt >= limits.maxAttempts || !backoff.canRetry) return answer;
  }
}
