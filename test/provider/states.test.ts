import { expect } from 'chai';
import { PROVIDER_STATES, STATE_PARAM_DEFAULTS, type ReferenceProvider } from '../../src/provider/index.js';
import { expectError, expectRecord, OPERATION, patch, send, start, state } from './helpers.js';

describe('provider: Pact state-change protocol (POST /_pact/provider-states)', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await start();
  });
  afterEach(() => provider.reset());
  after(() => provider.close());

  const update = (customer: string, integration: string): ReturnType<typeof patch> =>
    patch(provider, OPERATION(encodeURIComponent(customer), encodeURIComponent(integration)), { syncedEntityId: 'after' });

  it('knows exactly the vocabulary of DESIGN.md', () => {
    expect(PROVIDER_STATES).to.have.members([
      'a customer with an integration',
      'no customer',
      'a customer without the integration',
      'the API key may not access the customer',
      'the API key is rate limited',
    ]);
    expect(provider.stateUrl).to.equal(`${provider.url}/_pact/provider-states`);
  });

  it('a customer with an integration: creates exactly that record, answers the effective params; teardown removes it', async () => {
    const params = { customerId: 'new-co', integrationId: 'int-9', vendorIdentifier: 'AWS_MARKETPLACE', syncedEntityId: 'e-1', syncData: { dimensions: 'seats' } };
    const setup = await state(provider, { state: 'a customer with an integration', params, action: 'setup' });
    expect(setup.status).to.equal(200);
    expect(setup.headers['content-type']).to.equal('application/json; charset=utf-8');
    expect(setup.json).to.deep.include(params);
    expectRecord(await update('new-co', 'int-9'), { id: 'int-9', vendorIdentifier: 'AWS_MARKETPLACE', syncedEntityId: 'after', syncData: { dimensions: 'seats' } });
    expect((await state(provider, { state: 'a customer with an integration', params, action: 'teardown' })).status).to.equal(200);
    expectError(await update('new-co', 'int-9'), 404, 'CustomerNotFound');
  });

  it('a customer with an integration: replaces a seeded record and teardown restores it; action defaults to setup', async () => {
    const params = { customerId: 'globex', integrationId: 'int-snowflake-01', vendorIdentifier: 'ZUORA', syncedEntityId: null, syncData: null };
    await state(provider, { state: 'a customer with an integration', params });
    expect(provider.store.integration('globex', 'int-snowflake-01')).to.deep.equal({ id: 'int-snowflake-01', vendorIdentifier: 'ZUORA', syncedEntityId: null, syncData: null });
    await update('globex', 'int-snowflake-01');
    await state(provider, { state: 'a customer with an integration', params, action: 'teardown' });
    expect(provider.store.integration('globex', 'int-snowflake-01')).to.deep.include({ vendorIdentifier: 'SNOWFLAKE', syncedEntityId: 'GLOBEX_DB.PUBLIC' });
  });

  it('a customer with an integration: every param defaults', async () => {
    const setup = await state(provider, { state: 'a customer with an integration' });
    expect(setup.json).to.deep.equal({
      customerId: STATE_PARAM_DEFAULTS.customerId,
      integrationId: STATE_PARAM_DEFAULTS.integrationId,
      id: STATE_PARAM_DEFAULTS.integrationId,
      vendorIdentifier: 'STRIPE',
      syncedEntityId: null,
      syncData: null,
    });
    expectRecord(await update('pact-customer', 'pact-integration'), { id: 'pact-integration', vendorIdentifier: 'STRIPE', syncedEntityId: 'after', syncData: null });
  });

  it('no customer: 404 CustomerNotFound until teardown', async () => {
    await state(provider, { state: 'no customer', params: { customerId: 'globex' } });
    expectError(await update('globex', 'int-snowflake-01'), 404, 'CustomerNotFound', ['globex']);
    await state(provider, { state: 'no customer', params: { customerId: 'globex' }, action: 'teardown' });
    expect((await update('globex', 'int-snowflake-01')).status).to.equal(200);
  });

  it('a customer without the integration: 404 IntegrationNotFound (customer created if needed) until teardown', async () => {
    await state(provider, { state: 'a customer without the integration', params: { customerId: 'globex', integrationId: 'int-snowflake-01' } });
    expectError(await update('globex', 'int-snowflake-01'), 404, 'IntegrationNotFound', ['int-snowflake-01']);
    expect((await update('globex', 'int-bigquery-01')).status).to.equal(200);
    await state(provider, { state: 'a customer without the integration', params: { customerId: 'fresh', integrationId: 'x' } });
    expectError(await update('fresh', 'x'), 404, 'IntegrationNotFound');
    await state(provider, { state: 'a customer without the integration', params: { customerId: 'globex', integrationId: 'int-snowflake-01' }, action: 'teardown' });
    await state(provider, { state: 'a customer without the integration', params: { customerId: 'fresh', integrationId: 'x' }, action: 'teardown' });
    expect((await update('globex', 'int-snowflake-01')).status).to.equal(200);
    expectError(await update('fresh', 'x'), 404, 'CustomerNotFound');
  });

  it('the API key may not access the customer: 403 until teardown, nested setups need as many teardowns', async () => {
    const change = { state: 'the API key may not access the customer', params: { customerId: 'globex' } };
    await state(provider, change);
    await state(provider, change);
    expectError(await update('globex', 'int-snowflake-01'), 403, 'AccessDeniedError');
    await state(provider, { ...change, action: 'teardown' });
    expectError(await update('globex', 'int-snowflake-01'), 403, 'AccessDeniedError');
    await state(provider, { ...change, action: 'teardown' });
    expect((await update('globex', 'int-snowflake-01')).status).to.equal(200);
  });

  it('the API key is rate limited: 429 with Retry-After until teardown', async () => {
    await state(provider, { state: 'the API key is rate limited', params: {} });
    const limited = await update('globex', 'int-snowflake-01');
    expectError(limited, 429, 'RateLimitExceeded');
    expect(Number(limited.headers['retry-after'])).to.be.a('number').that.is.at.least(1);
    expect(limited.headers['retry-after']).to.match(/^\d+$/);
    await state(provider, { state: 'the API key is rate limited', action: 'teardown' });
    expect((await update('globex', 'int-snowflake-01')).status).to.equal(200);
  });

  it('a teardown without a setup is a harmless 200', async () => {
    const reply = await state(provider, { state: 'no customer', params: { customerId: 'globex' }, action: 'teardown' });
    expect(reply.status).to.equal(200);
    expect(reply.json).to.deep.equal({ tornDown: false });
    expect((await update('globex', 'int-snowflake-01')).status).to.equal(200);
  });

  const refused: readonly [string, string, readonly string[]][] = [
    ['an unknown state', JSON.stringify({ state: 'a customer with two integrations' }), ['unknown provider state', 'a customer with an integration']],
    ['a state that is an Object.prototype key', JSON.stringify({ state: 'constructor' }), ['unknown provider state']],
    ['no state', JSON.stringify({ params: {} }), ['"state"']],
    ['an unknown action', JSON.stringify({ state: 'no customer', action: 'reset' }), ['"action"']],
    ['params that are not an object', JSON.stringify({ state: 'no customer', params: ['x'] }), ['"params"']],
    ['not JSON', '{state:', ['not valid JSON']],
    ['a JSON array', '[]', ['JSON object']],
    ['a bad vendorIdentifier', JSON.stringify({ state: 'a customer with an integration', params: { vendorIdentifier: 'PAYPAL' } }), ['vendorIdentifier']],
    ['a bad syncData', JSON.stringify({ state: 'a customer with an integration', params: { syncData: { billingId: 'x' } } }), ['syncData']],
    ['a too-long syncedEntityId', JSON.stringify({ state: 'a customer with an integration', params: { syncedEntityId: 'x'.repeat(256) } }), ['syncedEntityId']],
    ['an empty customerId', JSON.stringify({ state: 'no customer', params: { customerId: '' } }), ['customerId']],
    ['a numeric integrationId', JSON.stringify({ state: 'a customer without the integration', params: { integrationId: 7 } }), ['integrationId']],
  ];
  for (const [name, body, parts] of refused) {
    it(`400 for ${name}, changing nothing`, async () => {
      const reply = await send(provider, { method: 'POST', path: '/_pact/provider-states', headers: { 'content-type': 'application/json' }, body });
      expectError(reply, 400, 'BadUserInput', parts);
      expect(provider.store.customer(STATE_PARAM_DEFAULTS.customerId)).to.equal(undefined);
    });
  }
});
