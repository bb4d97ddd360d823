/** optional_headers_harmless: the optional headers, present, absent or garbage, change nothing for API-key auth. */
import { sendsValidKey } from './cases.js';
import { compareRelated } from './compare.js';
import type { Check } from './check.js';

const ID = 'optional_headers_harmless';

/** Flags a header variant of the same request answered with another status, body (200) or error code. */
export const optionalHeadersHarmless: Check = {
  id: ID,
  description: 'X-ACCOUNT-ID / X-ENVIRONMENT-ID (present, absent, garbage) changing the answer to an API-key request',
  documents: 'header parameters X-ACCOUNT-ID and X-ENVIRONMENT-ID: optional, "Ignored for API-key auth."',
  needs: 'header-variant',
  needsResponse: true,
  onRateLimited: 'skip',
  applies: sendsValidKey,
  run: (context, exchange) => compareRelated(ID, context, exchange, 'header-variant', (related, what) => `with ${related.label} the answer had a different ${what}`),
};
