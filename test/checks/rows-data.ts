/** Rows for the data checks: update_applied, addressed_resource, not_found_codes, access_denied. */
import { error, exchange, ok, testCase } from './fixtures.js';
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
  { check: 'addressed_resource', name: 'another vendor', exchange: () => exchange(ok('cus_123', 'stripe-main', { vendorIdentifier: 'HUBSPOT' })), expect: 'failed', says: 'vendorIdentifier' },

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
