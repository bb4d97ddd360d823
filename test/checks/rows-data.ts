/** Rows for the data checks: update_applied, addressed_resource, record_unchanged, not_found_codes, access_denied. */
import { CUSTOMER, INTEGRATION, error, exchange, json, ok, testCase } from './fixtures.js';
import type { Row } from './table.js';

const setNull = testCase({ rawBody: '{"syncedEntityId":null}' });
const encodedPath = '/api/v1/customers/acme-corp/integrations/a%7Cb%20c';
const encoded = testCase({ path: encodedPath, params: { id: 'acme-corp', integrationId: 'a|b c' } });
const encodedScenario = { kind: 'existing', customerId: 'acme-corp', integrationId: 'a|b c' } as const;

export const dataRows: readonly Row[] = [
  { check: 'update_applied', name: 'value returned', exchange: () => exchange(ok('cus_123')), expect: 'passed' },
  { check: 'update_applied', name: 'null returned', exchange: () => exchange(ok(null), { case: setNull }), expect: 'passed' },
  { check: 'update_applied', name: 'null ignored', exchange: () => exchange(ok('cus_123'), { case: setNull }), expect: 'failed', says: 'data.syncedEntityId' },
  { check: 'update_applied', name: 'old value returned', exchange: () => exchange(ok('cus_old')), expect: 'failed', says: 'not the value sent' },
  { check: 'update_applied', name: 'a 200 on unknown data is still judged', exchange: () => exchange(ok('cus_old'), { scenario: { kind: 'unknown' } }), expect: 'failed' },
  { check: 'update_applied', name: 'a 404', exchange: () => exchange(error(404, 'IntegrationNotFound')), expect: 'not-applicable' },

  { check: 'addressed_resource', name: 'same id', exchange: () => exchange(ok()), expect: 'passed' },
  { check: 'addressed_resource', name: 'percent-decoded id', exchange: () => exchange(ok('cus_123', 'a|b c'), { case: encoded, scenario: encodedScenario }), expect: 'passed' },
  { check: 'addressed_resource', name: 'still-encoded id', exchange: () => exchange(ok('cus_123', 'a%7Cb%20c'), { case: encoded, scenario: encodedScenario }), expect: 'failed', says: 'data.id' },
  { check: 'addressed_resource', name: 'another integration', exchange: () => exchange(ok('cus_123', 'other')), expect: 'failed', says: 'integrationId' },
  { check: 'record_unchanged', name: 'vendor and syncData as set up', exchange: () => exchange(ok()), expect: 'passed' },
  { check: 'record_unchanged', name: 'another vendor (another tenant\'s integration with the same id)', exchange: () => exchange(ok('cus_123', 'stripe-main', { vendorIdentifier: 'HUBSPOT' })), expect: 'failed', says: '/data/vendorIdentifier' },
  { check: 'record_unchanged', name: 'syncData reset to null by the update', exchange: () => exchange(ok('cus_123', 'stripe-main', { syncData: null })), expect: 'failed', says: '/data/syncData is not' },
  { check: 'record_unchanged', name: 'syncData of another integration', exchange: () => exchange(ok('cus_123', 'stripe-main', { syncData: { dimensions: 'api-calls' } })), expect: 'failed', says: '/data/syncData/dimensions' },
  { check: 'record_unchanged', name: 'undocumented extra fields in syncData and the record', exchange: () => exchange(ok('cus_123', 'stripe-main', { syncData: { dimensions: 'seats', revision: 3 }, updatedAt: '2026-01-01T00:00:00Z' })), expect: 'passed' },
  { check: 'record_unchanged', name: 'syncData set up null, omitted (it is not required)', exchange: () => exchange(json(200, { data: { id: 'stripe-main', vendorIdentifier: 'STRIPE', syncedEntityId: 'cus_123' } }), { scenario: { kind: 'existing', customerId: CUSTOMER, integrationId: INTEGRATION, record: { vendorIdentifier: 'STRIPE', syncData: null } } }), expect: 'passed' },
  { check: 'record_unchanged', name: 'syncData set up, omitted: a warning', exchange: () => exchange(json(200, { data: { id: 'stripe-main', vendorIdentifier: 'STRIPE', syncedEntityId: 'cus_123' } })), expect: 'warned', says: 'omits /data/syncData' },
  { check: 'record_unchanged', name: 'nothing known of the record (--fixture)', exchange: () => exchange(ok(), { scenario: { kind: 'existing', customerId: 'acme-corp', integrationId: 'stripe-main' } }), expect: 'skipped', says: 'unknown' },
  { check: 'record_unchanged', name: 'nothing known of the data at all', exchange: () => exchange(ok(), { scenario: { kind: 'unknown' } }), expect: 'skipped', says: 'no provider state or fixture' },
  { check: 'record_unchanged', name: 'a forbidden customer (no record to compare)', exchange: () => exchange(error(403, 'AccessDeniedError'), { scenario: { kind: 'forbidden', customerId: 'acme-corp' } }), expect: 'not-applicable' },

  { check: 'not_found_codes', name: 'no customer → CustomerNotFound', exchange: () => exchange(error(404, 'CustomerNotFound'), { scenario: { kind: 'no-customer' } }), expect: 'passed' },
  { check: 'not_found_codes', name: 'no customer → IntegrationNotFound', exchange: () => exchange(error(404, 'IntegrationNotFound'), { scenario: { kind: 'no-customer' } }), expect: 'failed', says: '"IntegrationNotFound"' },
  { check: 'not_found_codes', name: 'no customer → code null (nullable): a warning, no violation', exchange: () => exchange(error(404, null), { scenario: { kind: 'no-customer' } }), expect: 'warned', says: 'code null' },
  { check: 'not_found_codes', name: 'no integration → IntegrationNotFound', exchange: () => exchange(error(404, 'IntegrationNotFound'), { scenario: { kind: 'no-integration' } }), expect: 'passed' },
  { check: 'not_found_codes', name: 'no integration → 200', exchange: () => exchange(ok(), { scenario: { kind: 'no-integration' } }), expect: 'failed', says: 'answered 200' },
  { check: 'not_found_codes', name: 'unknown data', exchange: () => exchange(error(404, 'CustomerNotFound'), { scenario: { kind: 'unknown' } }), expect: 'skipped' },

  { check: 'access_denied', name: '403 AccessDeniedError', exchange: () => exchange(error(403, 'AccessDeniedError'), { scenario: { kind: 'forbidden' } }), expect: 'passed' },
  { check: 'access_denied', name: 'forbidden customer updated', exchange: () => exchange(ok(), { scenario: { kind: 'forbidden' } }), expect: 'failed', says: 'answered 200' },
  { check: 'access_denied', name: '403 with an undocumented code', exchange: () => exchange(error(403, 'Forbidden'), { scenario: { kind: 'forbidden' } }), expect: 'failed', says: '"Forbidden"' },
  { check: 'access_denied', name: 'existing data', exchange: () => exchange(ok()), expect: 'not-applicable' },
];
