/** idempotent: the same valid PATCH sent twice is answered alike. */
import { expectsValid, sendsValidKey } from './cases.js';
import { compareRelated } from './compare.js';
import type { Check } from './check.js';

const ID = 'idempotent';

/** Flags a repeat of the same valid request answered with another status, body (200) or error code. */
export const idempotent: Check = {
  id: ID,
  description: 'the same valid request sent twice answered differently (status, 200 body, or error code)',
  documents: 'RFC 9110 §9.2.2 for a full replacement of the documented field: PATCH {syncedEntityId} twice → the same 200 body',
  needs: 'repeat',
  needsResponse: true,
  onRateLimited: 'skip',
  applies: (testCase) => expectsValid(testCase) && sendsValidKey(testCase),
  run: (context, exchange) => compareRelated(ID, context, exchange, 'repeat', (related, what) => `the same request (${related.label}) was answered with a different ${what}`),
};
