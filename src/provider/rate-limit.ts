/**
 * Per-key rate limiting: a token bucket per API key (burst = one second's worth of requests, at least 1), plus a
 * "forced" switch that the state `the API key is rate limited` turns on until teardown.
 */

/** A clock in milliseconds; injectable so tests move time instead of sleeping. */
export type Clock = () => number;

/** The verdict for one request: allowed, or refused with the whole seconds to wait (≥ 1) for `Retry-After`. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** A classic token bucket refilled continuously at `perSecond` tokens per second. */
export class TokenBucket {
  readonly #capacity: number;
  #tokens: number;
  #updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly clock: Clock,
  ) {
    if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new RangeError(`rate must be a positive number, got ${perSecond}`);
    this.#capacity = Math.max(1, perSecond);
    this.#tokens = this.#capacity;
    this.#updatedAt = clock();
  }

  /** Takes one token if there is one. */
  take(): RateDecision {
    const now = this.clock();
    const elapsedSeconds = Math.max(0, now - this.#updatedAt) / 1000;
    this.#tokens = Math.min(this.#capacity, this.#tokens + elapsedSeconds * this.perSecond);
    this.#updatedAt = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.#tokens) / this.perSecond)) };
  }
}

/** Seconds a client is told to wait while the limit is forced by the provider state. */
export const FORCED_RETRY_AFTER_SECONDS = 1;

/** The limiter of one provider: unlimited when `perSecond` is undefined, except while forced. */
export class RateLimiter {
  readonly #buckets = new Map<string, TokenBucket>();
  #forced = 0;

  constructor(
    private readonly perSecond: number | undefined,
    private readonly clock: Clock = Date.now,
  ) {}

  /** Counts one request of an authenticated key (only authenticated keys reach here, so the map stays small). */
  check(apiKey: string): RateDecision {
    if (this.#forced > 0) return { allowed: false, retryAfterSeconds: FORCED_RETRY_AFTER_SECONDS };
    if (this.perSecond === undefined) return { allowed: true };
    let bucket = this.#buckets.get(apiKey);
    if (!bucket) {
      bucket = new TokenBucket(this.perSecond, this.clock);
      this.#buckets.set(apiKey, bucket);
    }
    return bucket.take();
  }

  /** Starts refusing every request (nested: each `force` needs its own `release`). */
  force(): void {
    this.#forced++;
  }

  release(): void {
    this.#forced = Math.max(0, this.#forced - 1);
  }

  /** Forgets forced limits and bucket levels. */
  reset(): void {
    this.#forced = 0;
    this.#buckets.clear();
  }
}
