import { StiggApiError, type ApiErrorDetails } from './api-error.js';

/** 429: too many requests; `retryAfterSeconds` comes from the Retry-After header when the API sends one. */
export class RateLimitedError extends StiggApiError {
  override readonly name = 'RateLimitedError';
  readonly retryAfterSeconds: number | undefined;

  constructor(details: ApiErrorDetails, retryAfterSeconds: number | undefined) {
    super(details);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
