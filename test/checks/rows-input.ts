/** Rows for the checks about input and auth: auth_required, invalid_input_rejected, valid_input_accepted. */
import { CUSTOMER, error, exchange, invalidCase, ok, testCase } from './fixtures.js';
import type { Row } from './table.js';

const bodyTag = { part: 'body', pointer: '/syncedEntityId', keyword: 'maxLength' } as const;
const pathTag = { part: 'path', pointer: '/id', keyword: 'pattern' } as const;
const tooLong = invalidCase(bodyTag, { rawBody: JSON.stringify({ syncedEntityId: 'x'.repeat(256) }) });
const badSlug = invalidCase(pathTag, { path: '/api/v1/customers/-bad/integrations/stripe-main', params: { id: '-bad', integrationId: 'stripe-main' } });

export const inputRows: readonly Row[] = [
  { check: 'auth_required', name: 'missing key → 401', exchange: () => exchange(error(401, 'Unauthenticated'), { case: testCase({ key: 'missing' }) }), expect: 'passed' },
  { check: 'auth_required', name: 'missing key accepted', exchange: () => exchange(ok(), { case: testCase({ key: 'missing' }) }), expect: 'failed', says: 'without an API key was accepted 200' },
  { check: 'auth_required', name: 'wrong key rate limited before auth', exchange: () => exchange(error(429, 'RateLimitExceeded'), { case: testCase({ key: { wrong: 'sk_wrong' } }) }), expect: 'failed', says: 'wrong API key was answered 429' },
  {
    check: 'auth_required',
    name: 'wrong key and bad body: body judged before auth',
    exchange: () => exchange(error(400, 'BadUserInput'), { case: invalidCase(bodyTag, { key: { wrong: 'sk_wrong' } }) }),
    expect: 'failed',
    says: 'answered 400',
  },
  { check: 'auth_required', name: 'valid key', exchange: () => exchange(ok()), expect: 'not-applicable' },

  { check: 'invalid_input_rejected', name: 'too long → 400 BadUserInput', exchange: () => exchange(error(400, 'BadUserInput'), { case: tooLong }), expect: 'passed' },
  { check: 'invalid_input_rejected', name: 'another 400 code', exchange: () => exchange(error(400, 'IntegrityViolation'), { case: tooLong }), expect: 'warned', says: 'not BadUserInput' },
  { check: 'invalid_input_rejected', name: 'too long accepted', exchange: () => exchange(ok('x'.repeat(256)), { case: tooLong }), expect: 'failed', says: 'was accepted with 200' },
  { check: 'invalid_input_rejected', name: 'bad slug → 404', exchange: () => exchange(error(404, 'CustomerNotFound'), { case: badSlug }), expect: 'failed', says: '(path/id:pattern) was rejected with 404' },
  { check: 'invalid_input_rejected', name: 'undocumented 400 code', exchange: () => exchange(error(400, 'ValidationFailed'), { case: tooLong }), expect: 'failed', says: 'undocumented code' },
  { check: 'invalid_input_rejected', name: 'forbidden customer', exchange: () => exchange(error(403, 'AccessDeniedError'), { case: tooLong, scenario: { kind: 'forbidden' } }), expect: 'not-applicable' },
  { check: 'invalid_input_rejected', name: 'rate limited', exchange: () => exchange(error(429, 'RateLimitExceeded'), { case: tooLong }), expect: 'skipped', says: '429' },

  { check: 'valid_input_accepted', name: '200', exchange: () => exchange(ok()), expect: 'passed' },
  { check: 'valid_input_accepted', name: '404 on existing data', exchange: () => exchange(error(404, 'IntegrationNotFound')), expect: 'failed', says: 'answered 404' },
  { check: 'valid_input_accepted', name: 'unknown data', exchange: () => exchange(ok(), { scenario: { kind: 'unknown' } }), expect: 'skipped', says: 'no provider state or fixture' },
  {
    check: 'valid_input_accepted',
    name: 'scenario about another customer',
    exchange: () => exchange(error(404, 'CustomerNotFound'), { scenario: { kind: 'existing', customerId: 'other', integrationId: 'stripe-main' } }),
    expect: 'skipped',
    says: `"other", the case addresses "${CUSTOMER}"`,
  },
  { check: 'valid_input_accepted', name: 'no-customer scenario', exchange: () => exchange(error(404, 'CustomerNotFound'), { scenario: { kind: 'no-customer' } }), expect: 'not-applicable' },
];
