/** Rows for the checks that judge any response: transport, status, media type, schema, error code, rate limit. */
import { error, exchange, json, ok, testCase } from './fixtures.js';
import type { Row } from './table.js';

const threeFields = { billingId: 'b', billingLinkUrl: 'https://x', priceGroupPackageBillingId: 'p' };
const html = { status: 400, headers: { 'content-type': 'text/html' }, rawBody: '<html>bad</html>', elapsedMs: 1 };

export const responseRows: readonly Row[] = [
  { check: 'not_a_server_error', name: '200 JSON', exchange: () => exchange(ok()), expect: 'passed' },
  { check: 'not_a_server_error', name: '500', exchange: () => exchange(json(500, { message: 'boom' })), expect: 'failed', says: 'server error 500' },
  { check: 'not_a_server_error', name: 'timeout', exchange: () => exchange({ error: 'timeout', message: 'no response in 10000 ms' }), expect: 'failed', says: 'timeout' },
  { check: 'not_a_server_error', name: 'body too large', exchange: () => exchange({ error: 'too-large', message: 'over 1 MiB' }), expect: 'failed', says: 'too-large' },
  { check: 'not_a_server_error', name: 'HTML on a documented JSON status', exchange: () => exchange(html), expect: 'failed', says: 'not JSON' },

  { check: 'status_documented', name: '200', exchange: () => exchange(ok()), expect: 'passed' },
  { check: 'status_documented', name: 'redirect', exchange: () => exchange({ ...json(302, {}), headers: { location: '/elsewhere' } }), expect: 'failed', says: 'redirect 302' },
  { check: 'status_documented', name: '409', exchange: () => exchange(error(409, 'Conflict')), expect: 'failed', says: 'status 409 is not documented' },
  // 415 is HTTP's answer to a body in a media type the operation does not take, and only to that.
  { check: 'status_documented', name: '415 for a text/plain body', exchange: () => exchange(json(415, { error: 'Unsupported Media Type' }), { case: testCase({ headers: { 'Content-Type': 'text/plain' } }) }), expect: 'passed' },
  { check: 'status_documented', name: '415 for a body sent without Content-Type', exchange: () => exchange(json(415, { error: 'Unsupported Media Type' }), { case: testCase({ headers: {} }) }), expect: 'passed' },
  { check: 'status_documented', name: '415 for application/json; charset=utf-8', exchange: () => exchange(json(415, { error: 'Unsupported Media Type' }), { case: testCase({ headers: { 'content-type': 'Application/JSON; charset=utf-8' } }) }), expect: 'failed', says: 'status 415 is not documented' },
  { check: 'status_documented', name: 'no response', exchange: () => exchange({ error: 'refused', message: 'ECONNREFUSED' }), expect: 'skipped', says: 'refused' },

  { check: 'content_type', name: 'application/json with charset', exchange: () => exchange(ok()), expect: 'passed' },
  { check: 'content_type', name: 'text/plain', exchange: () => exchange({ ...ok(), headers: { 'content-type': 'text/plain' } }), expect: 'failed', says: 'text/plain' },
  { check: 'content_type', name: 'no Content-Type', exchange: () => exchange({ ...ok(), headers: {} }), expect: 'failed', says: 'no Content-Type' },
  { check: 'content_type', name: 'undocumented status', exchange: () => exchange(error(409, 'Conflict')), expect: 'not-applicable' },

  { check: 'response_schema', name: 'valid 200', exchange: () => exchange(ok()), expect: 'passed' },
  { check: 'response_schema', name: 'undocumented vendor', exchange: () => exchange(ok('cus_123', 'stripe-main', { vendorIdentifier: 'PAYPAL' })), expect: 'failed', says: 'vendorIdentifier' },
  { check: 'response_schema', name: 'no data', exchange: () => exchange(json(200, { id: 'x' })), expect: 'failed', says: '/data is required' },
  { check: 'response_schema', name: 'syncData matching two oneOf branches', exchange: () => exchange(ok('cus_123', 'stripe-main', { syncData: threeFields })), expect: 'defect', says: 'oneOf' },
  { check: 'response_schema', name: 'null syncData', exchange: () => exchange(ok('cus_123', 'stripe-main', { syncData: null })), expect: 'defect', says: 'intent reading accepts' },
  { check: 'response_schema', name: '404 with a null code', exchange: () => exchange(error(404, null)), expect: 'defect', says: '/code' },
  { check: 'response_schema', name: 'valid 404', exchange: () => exchange(error(404, 'CustomerNotFound')), expect: 'passed' },
  { check: 'response_schema', name: 'HTML where JSON is documented (not_a_server_error judges it)', exchange: () => exchange(html), expect: 'not-applicable' },

  { check: 'error_code_documented', name: 'documented 404 code', exchange: () => exchange(error(404, 'CustomerNotFound')), expect: 'passed' },
  { check: 'error_code_documented', name: 'undocumented 404 code', exchange: () => exchange(error(404, 'NotFound')), expect: 'failed', says: '"NotFound" is not documented for 404' },
  { check: 'error_code_documented', name: '400 code from the 404 enum', exchange: () => exchange(error(400, 'CustomerNotFound')), expect: 'failed' },
  { check: 'error_code_documented', name: 'null code', exchange: () => exchange(error(404, null)), expect: 'warned', says: 'null' },
  { check: 'error_code_documented', name: 'a 200', exchange: () => exchange(ok()), expect: 'not-applicable' },

  { check: 'rate_limit_shape', name: '429 with delta-seconds', exchange: () => exchange(error(429, 'RateLimitExceeded', { 'retry-after': '1' })), expect: 'passed' },
  { check: 'rate_limit_shape', name: '429 with an HTTP-date', exchange: () => exchange(error(429, 'RateLimitExceeded', { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' })), expect: 'passed' },
  { check: 'rate_limit_shape', name: 'malformed Retry-After', exchange: () => exchange(error(429, 'RateLimitExceeded', { 'retry-after': 'soon' })), expect: 'failed', says: 'malformed Retry-After' },
  { check: 'rate_limit_shape', name: 'wrong code', exchange: () => exchange(error(429, 'TooMany', { 'retry-after': '2' })), expect: 'failed', says: 'TooMany' },
  { check: 'rate_limit_shape', name: 'no Retry-After', exchange: () => exchange(error(429, 'RateLimitExceeded')), expect: 'warned', says: 'without Retry-After' },
  { check: 'rate_limit_shape', name: 'no 429 while rate limited', exchange: () => exchange(ok(), { scenario: { kind: 'rate-limited' } }), expect: 'failed', says: 'rate-limited' },
  { check: 'rate_limit_shape', name: 'a 200 otherwise', exchange: () => exchange(ok()), expect: 'not-applicable' },
  { check: 'rate_limit_shape', name: 'missing key while rate limited', exchange: () => exchange(error(401, 'Unauthenticated'), { scenario: { kind: 'rate-limited' }, case: testCase({ key: 'missing' }) }), expect: 'not-applicable' },
];
