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

/** What else a Backoff heeds: a signal that ends every wait (Ctrl+C), and who hears that the budget is spent. */
export interface BackoffHooks {
  /** Once aborted, no wait runs and nothing is sent again. */
  readonly signal?: AbortSignal;
  /** Told (once) when a refusal comes and the budget has no wait left for it. */
  readonly onSpent?: () => void;
}

/**
 * When senders behind one limiter may send again, and how long in all they were held back. The budget bounds the
 * waits themselves: past it a refusal is the answer and nobody waits any more (a limiter saying "an hour" to every
 * request costs the budget, not an hour per request).
 */
export class Backoff {
  private until = 0;
  private spentTold = false;
  /** Wall-clock milliseconds the senders were held back, for the report (never more than the budget). */
  waited = 0;
  constructor(private readonly maxWaitMs: number, readonly budgetMs = 60_000, private readonly hooks: BackoffHooks = {}) {}
  /** Whether a wait is still running (checked first, so the usual case costs no promise). */
  get pending(): boolean {
    return this.until > Date.now() && this.hooks.signal?.aborted !== true;
  }
  /** Whether waiting and sending again is still within the budget (and the run was not interrupted). */
  get canRetry(): boolean {
    return this.waited < this.budgetMs && this.hooks.signal?.aborted !== true;
  }
  /** Resolves when the running wait, if any, is over (at once when the signal aborts). */
  async wait(): Promise<void> {
    const delay = this.until - Date.now();
    if (delay <= 0 || this.hooks.signal?.aborted) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.hooks.signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, delay);
      this.hooks.signal?.addEventListener('abort', done, { once: true });
    });
  }
  /**
   * A refusal said to wait `ms`: the pause is extended (capped per wait and by what is left of the budget), and only
   * the extension counts (senders wait it together). With the budget spent, nothing is extended and `onSpent` hears it.
   */
  told(ms: number): void {
    const left = this.budgetMs - this.waited;
    if (left <= 0) {
      if (!this.spentTold) this.hooks.onSpent?.();
      this.spentTold = true;
      return;
    }
    const now = Date.now();
    const from = Math.max(this.until, now);
    const until = Math.min(now + Math.min(ms, this.maxWaitMs), from + left);
    if (until <= this.until) return;
    this.waited += until - from;
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
