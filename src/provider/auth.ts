/** API-key authentication and per-customer authorization, as the provider enforces them. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { errorResponse, type ProviderResponse } from './http-io.js';
import type { RateLimiter } from './rate-limit.js';
import type { Store } from './store.js';

/** The 403 code this provider uses (the contract also allows IdentityForbidden): the key is valid, the customer is not its. */
export const FORBIDDEN_CODE = 'AccessDeniedError';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Compares keys in constant time (over their digests, so lengths leak nothing either). */
export function sameKey(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** 401 Unauthenticated unless `X-API-KEY` is exactly the configured key. `X-ACCOUNT-ID`/`X-ENVIRONMENT-ID` are ignored. */
export function authenticate(headers: IncomingHttpHeaders, apiKey: string): ProviderResponse | undefined {
  const presented = headers['x-api-key'];
  if (presented === undefined || presented === '') {
    return errorResponse(401, 'Unauthenticated', 'missing X-API-KEY header: send your server API key');
  }
  if (typeof presented !== 'string' || !sameKey(presented, apiKey)) return errorResponse(401, 'Unauthenticated', 'the X-API-KEY is not a valid API key');
  return undefined;
}

/** 429 RateLimitExceeded, with `Retry-After` in whole seconds, when the key is over its limit (or forced to be). */
export function limitRate(limiter: RateLimiter, apiKey: string): ProviderResponse | undefined {
  const decision = limiter.check(apiKey);
  if (decision.allowed) return undefined;
  const seconds = String(decision.retryAfterSeconds);
  return errorResponse(429, 'RateLimitExceeded', `rate limit exceeded for this API key; retry after ${seconds} s`, { 'retry-after': seconds });
}

/** 403 when the key may not access the customer. Needs only the customer slug, so it is decided before the body. */
export function authorize(store: Store, customerId: string): ProviderResponse | undefined {
  if (!store.isDenied(customerId)) return undefined;
  return errorResponse(403, FORBIDDEN_CODE, `this API key may not access customer ${JSON.stringify(customerId)}`);
}
