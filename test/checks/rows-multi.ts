/** Rows for the multi-exchange checks (idempotent, optional_headers_harmless) and for state_teardown's probes. */
import { error, exchange, ok, related } from './fixtures.js';
import type { Scenario } from '../../src/checks/types.js';
import type { Row } from './table.js';

const tornDown = (state: string, effectStatus: number): Scenario => ({ kind: 'torn-down', state, effectStatus, tries: 2, customerId: 'acme-corp' });
const RATE_LIMITED = tornDown('the API key is rate limited', 429);
const FORBIDDEN = tornDown('the API key may not access the customer', 403);

const withSyncData = ok('cus_123', 'stripe-main', { syncData: { billingId: 'b', billingLinkUrl: 'https://x' } });

export const multiRows: readonly Row[] = [
  { check: 'idempotent', name: 'same 200 twice', exchange: () => exchange(ok(), { related: [related('repeat', 'sent first', ok())] }), expect: 'passed' },
  { check: 'idempotent', name: 'different 200 bodies', exchange: () => exchange(ok(), { related: [related('repeat', 'sent first', withSyncData)] }), expect: 'failed', says: 'body at /data/syncData' },
  { check: 'idempotent', name: 'undocumented updatedAt differs between the two 200s', exchange: () => exchange(ok('cus_123', 'stripe-main', { updatedAt: '2026-01-01T00:00:01Z' }), { related: [related('repeat', 'sent first', ok('cus_123', 'stripe-main', { updatedAt: '2026-01-01T00:00:02Z' }))] }), expect: 'passed' },
  { check: 'idempotent', name: 'second send fails', exchange: () => exchange(error(404, 'IntegrationNotFound'), { related: [related('repeat', 'sent first', ok())] }), expect: 'failed', says: 'different status' },
  { check: 'idempotent', name: 'rate limited repeat', exchange: () => exchange(ok(), { related: [related('repeat', 'sent first', error(429, 'RateLimitExceeded'))] }), expect: 'skipped', says: '429' },
  { check: 'idempotent', name: 'no repeat sent', exchange: () => exchange(ok()), expect: 'not-applicable' },

  { check: 'optional_headers_harmless', name: 'X-ACCOUNT-ID absent', exchange: () => exchange(ok(), { related: [related('header-variant', 'X-ACCOUNT-ID absent', ok())] }), expect: 'passed' },
  {
    check: 'optional_headers_harmless',
    name: 'garbage X-ENVIRONMENT-ID rejected',
    exchange: () => exchange(ok(), { related: [related('header-variant', 'X-ENVIRONMENT-ID: "%%"', error(400, 'BadUserInput'))] }),
    expect: 'failed',
    says: 'X-ENVIRONMENT-ID',
  },
  {
    check: 'optional_headers_harmless',
    name: 'same error code, other message',
    exchange: () => exchange(error(404, 'CustomerNotFound'), { related: [related('header-variant', 'X-ACCOUNT-ID: "acc"', { ...error(404, 'CustomerNotFound'), rawBody: '{"message":"other","code":"CustomerNotFound"}' })] }),
    expect: 'passed',
  },

  { check: 'state_teardown', name: 'rate limit gone after its teardown', exchange: () => exchange(ok(), { scenario: RATE_LIMITED }), expect: 'passed' },
  { check: 'state_teardown', name: 'still 429 after the rate limit\'s teardown', exchange: () => exchange(error(429, 'RateLimitExceeded'), { scenario: RATE_LIMITED }), expect: 'failed', says: 'after the teardown of "the API key is rate limited"' },
  { check: 'state_teardown', name: 'customer no longer forbidden: 404 after the teardown', exchange: () => exchange(error(404, 'CustomerNotFound'), { scenario: FORBIDDEN }), expect: 'passed' },
  { check: 'state_teardown', name: 'still 403 after the forbidden state\'s teardown', exchange: () => exchange(error(403, 'AccessDeniedError'), { scenario: FORBIDDEN }), expect: 'failed', says: '(2 tries)' },
  { check: 'state_teardown', name: 'a 429 after the forbidden state\'s teardown is not that state', exchange: () => exchange(error(429, 'RateLimitExceeded'), { scenario: FORBIDDEN }), expect: 'passed' },
  { check: 'state_teardown', name: 'any other scenario', exchange: () => exchange(error(429, 'RateLimitExceeded')), expect: 'not-applicable' },
  { check: 'state_teardown', name: 'no answer to the probe', exchange: () => exchange({ error: 'timeout', message: 'deadline' }, { scenario: RATE_LIMITED }), expect: 'skipped', says: 'timeout' },
];
