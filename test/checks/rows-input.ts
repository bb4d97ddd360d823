/** Rows for the checks about input and auth: auth_required, invalid_input_rejected, valid_input_accepted. */
import { CUSTOMER, error, exchange, invalidCase, json, ok, testCase } from './fixtures.js';
import type { Row } from './table.js';

const bodyTag = { part: 'body', pointer: '/syncedEntityId', keyword: 'maxLength' } as const;
const pathTag = { part: 'path', pointer: '/id', keyword: 'pattern' } as const;
const tooLong = invalidCase(bodyTag, { rawBody: JSON.stringify({ syncedEntityId: 'x'.repeat(256) }) });
const badSlug = invalidCase(pathTag, { path: '/api/v1/customers/-bad/integrations/stripe-main', params: { id: '-bad', integrationId: 'stripe-main' } });

export const inputRows: readonly Row[] = [
  { check: 'auth_required', name: 'missing key → 401', exchange: () => exchange(error(401, 'Unauthenticated'), { case: testCase({ key: 'missing' }) }), expect: 'passed' },
  { check: 'auth_required', name: 'missing key accepted', exchange: () => exchange(ok(), { case: testCase({ key: 'missing' }) }), expect: 'failed', says: 'without an API key was accepted 200' },
  // A gateway's global rate limiter answers before authentication: no evidence either way.
  { check: 'auth_required', name: 'key in upper case accepted', exchange: () => exchange(ok(), { case: testCase({ key: { wrong: '${STIGG_API_KEY^^}' } }) }), expect: 'failed', says: 'with a wrong API key was accepted 200' },
  { check: 'auth_required', name: 'key with a no-break space refused 400 by an HTTP layer', exchange: () => exchange(error(400, 'BadUserInput'), { case: testCase({ key: { wrong: '$STIGG_API_KEY\u00a0' } }) }), expect: 'warned', says: 'obs-text' },
  { check: 'auth_required', name: 'key with a no-break space accepted', exchange: () => exchange(ok(), { case: testCase({ key: { wrong: '$STIGG_API_KEY\u00a0' } }) }), expect: 'failed', says: 'accepted 200' },
  { check: 'auth_required', name: 'a plain wrong key refused 400 is no obs-text excuse', exchange: () => exchange(error(400, 'BadUserInput'), { case: testCase({ key: { wrong: 'sk_wrong' } }) }), expect: 'failed', says: 'answered 400' },
  { check: 'auth_required', name: 'wrong key rate limited before auth', exchange: () => exchange(error(429, 'RateLimitExceeded'), { case: testCase({ key: { wrong: 'sk_wrong' } }) }), expect: 'skipped', says: '429' },
  {
    check: 'auth_required',
    name: 'missing key on a path outside the template (empty segment): a router 404 is no auth failure',
    exchange: () => exchange(json(404, { statusCode: 404, error: 'Not Found' }), { case: testCase({ key: 'missing', path: '/api/v1/customers/acme/integrations/', params: { id: 'acme', integrationId: '' } }) }),
    expect: 'not-applicable',
  },
  {
    check: 'invalid_input_rejected',
    name: 'empty integrationId (only the intent repair forbids it) answered 404: a contract-defect note, no violation',
    exchange: () => exchange(error(404, 'IntegrationNotFound'), { case: invalidCase({ part: 'path', pointer: '/integrationId', keyword: 'minLength' }, { path: '/api/v1/customers/acme/integrations/', params: { id: 'acme', integrationId: '' } }) }),
    expect: 'defect',
    says: 'only a repair of the intent reading',
  },
  {
    check: 'invalid_input_rejected',
    name: 'empty customer slug (both readings forbid it) on a path outside the template: not judged',
    exchange: () => exchange(json(404, { statusCode: 404 }), { case: invalidCase({ part: 'path', pointer: '/id', keyword: 'minLength' }, { path: '/api/v1/customers//integrations/x', params: { id: '', integrationId: 'x' } }) }),
    expect: 'not-applicable',
  },
  {
    check: 'not_a_server_error',
    name: 'HTML 404 from the router for a path outside the template',
    exchange: () => exchange({ status: 404, headers: { 'content-type': 'text/html' }, rawBody: '<h1>Cannot PATCH</h1>', elapsedMs: 1 }, { case: testCase({ path: '/api/v1/customers/acme/integrations/x/', params: { id: 'acme', integrationId: 'x' } }) }),
    expect: 'passed',
  },
  {
    check: 'not_a_server_error',
    name: '500 for a path outside the template is still a server error',
    exchange: () => exchange(error(500, 'Internal'), { case: testCase({ path: '/api/v1/customers/acme/integrations/x/extra', params: { id: 'acme', integrationId: 'x' } }) }),
    expect: 'failed',
    says: 'server error 500',
  },
  {
    check: 'response_schema',
    name: 'a router 404 without the operation\'s error shape, outside the template',
    exchange: () => exchange(json(404, { statusCode: 404 }), { case: testCase({ path: '/api/v1/customers/acme/integrations/', params: { id: 'acme', integrationId: '' } }) }),
    expect: 'not-applicable',
  },
  // Bad input and no key: the contract documents 400 and 401 and leaves their order open.
  {
    check: 'auth_required',
    name: 'wrong key and bad body: body judged before auth is a warning',
    exchange: () => exchange(error(400, 'BadUserInput'), { case: invalidCase(bodyTag, { key: { wrong: 'sk_wrong' } }) }),
    expect: 'warned',
    says: 'input judged first',
  },
  {
    check: 'auth_required',
    name: 'missing key and a slug the pattern forbids (an auth-first case, tagged by its key): 400 is a warning',
    exchange: () => exchange(error(400, 'BadUserInput'), { case: invalidCase({ part: 'headers', pointer: '/x-api-key', keyword: 'required' }, { key: 'missing', path: '/api/v1/customers/-bad/integrations/stripe-main', params: { id: '-bad', integrationId: 'stripe-main' } }) }),
    expect: 'warned',
    says: '(path/id:pattern) was answered 400',
  },
  {
    check: 'auth_required',
    name: 'missing key and a body that is not JSON: 400 is a warning',
    exchange: () => exchange(error(400, 'BadUserInput'), { case: invalidCase({ part: 'headers', pointer: '/x-api-key', keyword: 'required' }, { key: 'missing', rawBody: '{"syncedEntityId":' }) }),
    expect: 'warned',
    says: 'body:json',
  },
  {
    check: 'auth_required',
    name: 'missing key and a text/plain body answered 415: a warning',
    exchange: () => exchange(json(415, { error: 'Unsupported Media Type' }), { case: invalidCase({ part: 'headers', pointer: '/x-api-key', keyword: 'required' }, { key: 'missing', headers: { 'Content-Type': 'text/plain' } }) }),
    expect: 'warned',
    says: 'was answered 415, not 401',
  },
  {
    check: 'auth_required',
    name: 'missing key and nothing else wrong answered 400: a violation',
    exchange: () => exchange(error(400, 'BadUserInput'), { case: invalidCase({ part: 'headers', pointer: '/x-api-key', keyword: 'required' }, { key: 'missing' }) }),
    expect: 'failed',
    says: 'without an API key was answered 400',
  },
  {
    check: 'auth_required',
    name: 'wrong key and bad body answered 403: a violation (only 401 and 400 are documented for it)',
    exchange: () => exchange(error(403, 'AccessDeniedError'), { case: invalidCase(bodyTag, { key: { wrong: 'sk_wrong' } }) }),
    expect: 'failed',
    says: 'answered 403',
  },
  { check: 'auth_required', name: 'valid key', exchange: () => exchange(ok()), expect: 'not-applicable' },

  { check: 'invalid_input_rejected', name: 'too long → 400 BadUserInput', exchange: () => exchange(error(400, 'BadUserInput'), { case: tooLong }), expect: 'passed' },
  { check: 'invalid_input_rejected', name: 'another 400 code', exchange: () => exchange(error(400, 'IntegrityViolation'), { case: tooLong }), expect: 'warned', says: 'not BadUserInput' },
  { check: 'invalid_input_rejected', name: 'too long accepted', exchange: () => exchange(ok('x'.repeat(256)), { case: tooLong }), expect: 'failed', says: 'was accepted with 200' },
  { check: 'invalid_input_rejected', name: 'bad slug → 404', exchange: () => exchange(error(404, 'CustomerNotFound'), { case: badSlug }), expect: 'failed', says: '(path/id:pattern) was rejected with 404' },
  {
    check: 'invalid_input_rejected',
    name: 'text/plain body answered 415 (HTTP\'s status for it): a warning',
    exchange: () => exchange(json(415, { error: 'Unsupported Media Type' }), { case: invalidCase({ part: 'headers', pointer: '/content-type', keyword: 'contentType' }, { headers: { 'Content-Type': 'text/plain' } }) }),
    expect: 'warned',
    says: 'answered 415',
  },
  { check: 'invalid_input_rejected', name: 'too long body answered 415: a violation (the media type was right)', exchange: () => exchange(json(415, { error: 'Unsupported Media Type' }), { case: tooLong }), expect: 'failed', says: 'was rejected with 415' },
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
