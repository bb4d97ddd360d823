import { expect } from 'chai';
import type { ReferenceProvider } from '../../src/provider/index.js';
import { API_KEY, expectError, OPERATION, patch, send, start, state } from './helpers.js';

describe('provider: authentication and authorization', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await start();
  });
  afterEach(() => provider.reset());
  after(() => provider.close());

  const valid = OPERATION('globex', 'int-snowflake-01');

  it('401 Unauthenticated without X-API-KEY, with an empty one, or with an unknown one', async () => {
    expectError(await send(provider, { path: valid, headers: { 'content-type': 'application/json' }, body: '{"syncedEntityId":null}' }), 401, 'Unauthenticated');
    expectError(await patch(provider, valid, { syncedEntityId: null }, { 'x-api-key': '' }), 401, 'Unauthenticated');
    expectError(await patch(provider, valid, { syncedEntityId: null }, { 'x-api-key': `${API_KEY}x` }), 401, 'Unauthenticated');
    expectError(await patch(provider, valid, { syncedEntityId: null }, { 'x-api-key': API_KEY.toUpperCase() }), 401, 'Unauthenticated');
  });

  it('does not accept the key through X-ACCOUNT-ID / X-ENVIRONMENT-ID or a Bearer token', async () => {
    const headers = { 'x-api-key': 'nope', 'x-account-id': API_KEY, 'x-environment-id': API_KEY, authorization: `Bearer ${API_KEY}` };
    expectError(await patch(provider, valid, { syncedEntityId: null }, headers), 401, 'Unauthenticated');
  });

  it('decides 401 before reading any input: bad slug, bad body, wrong content type, unknown customer', async () => {
    const headers = { 'x-api-key': 'wrong', 'content-type': 'text/plain' };
    expectError(await patch(provider, OPERATION('_bad!', ''), 'not json', headers), 401, 'Unauthenticated');
    expectError(await patch(provider, OPERATION('nobody', 'x'), { syncedEntityId: 1 }, { 'x-api-key': 'wrong' }), 401, 'Unauthenticated');
    const huge = await send(provider, { path: valid, headers: { 'content-type': 'application/json', 'content-length': 10 ** 9 }, body: '' });
    expect(huge.status).to.equal(401);
    expectError(await send(provider, { path: '/api/v1/customers/%ZZ/integrations/x', headers: {} }), 401, 'Unauthenticated');
  });

  it('403 AccessDeniedError for a customer the key may not access (seeded)', async () => {
    expectError(await patch(provider, OPERATION('umbrella-restricted', 'int-stripe-01'), { syncedEntityId: 'x' }), 403, 'AccessDeniedError', [
      'umbrella-restricted',
    ]);
    expect(provider.store.integration('umbrella-restricted', 'int-stripe-01')?.syncedEntityId).to.equal('cus_umbrella');
  });

  it('decides 403 after the path parameters and before the body', async () => {
    const forbidden = OPERATION('umbrella-restricted', 'int-stripe-01');
    expectError(await patch(provider, forbidden, 'not json', { 'content-type': 'text/plain' }), 403, 'AccessDeniedError');
    expectError(await patch(provider, forbidden, { syncedEntityId: 'x'.repeat(256), extra: 1 }), 403, 'AccessDeniedError');
    expectError(await patch(provider, OPERATION('umbrella-restricted', 'i'.repeat(256)), 'not json'), 400, 'BadUserInput', ['integrationId']);
  });

  it('decides 403 before 404: a denied customer that does not exist still gets 403', async () => {
    await state(provider, { state: 'the API key may not access the customer', params: { customerId: 'ghost' } });
    expectError(await patch(provider, OPERATION('ghost', 'x'), { syncedEntityId: null }), 403, 'AccessDeniedError');
  });
});
