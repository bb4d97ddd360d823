/** Rows for the multi-exchange checks: idempotent and optional_headers_harmless. */
import { error, exchange, ok, related } from './fixtures.js';
import type { Row } from './table.js';

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
];
