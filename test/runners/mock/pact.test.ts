import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { NotFoundError, StiggIntegrationsClient } from '../../../src/client/index.js';
import { ConfigurationError } from '../../../src/errors.js';
import { loadPactResponder, type LogEntry, type PactResponder } from '../../../src/runners/mock/index.js';
import { API_KEY, closeAll, record, removeTemp, send, shippedContract, startMock, tempDir } from './helpers.js';

const PACTS = fileURLToPath(new URL('../../../pacts/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/pacts/', import.meta.url));

describe('runners/mock: --pacts mode', () => {
  let pacts: PactResponder;
  before(async () => {
    pacts = await loadPactResponder(PACTS, await shippedContract());
  });
  afterEach(closeAll);
  after(removeTemp);

  it('loads every interaction of the committed pact', () => {
    expect(pacts.entries).to.have.length(12);
    expect(pacts.warnings).to.deep.equal([]);
  });

  it("answers a matching request with the pact's response; the success wins over errors with the same request", async () => {
    const entries: LogEntry[] = [];
    const mock = await startMock({ pacts, onExchange: (entry) => entries.push(entry) });
    const answer = await send(mock.operationUrl('acme-corp', 'int-stripe-main'), { body: '{"syncedEntityId":"cus_other"}' });
    expect(answer.status).to.equal(200);
    expect(answer.json).to.deep.equal({
      data: {
        id: 'int-stripe-main', syncedEntityId: 'cus_NffrFeUfNV2Hib', vendorIdentifier: 'STRIPE',
        syncData: { billingId: 'cus_NffrFeUfNV2Hib', billingLinkUrl: 'https://dashboard.stripe.com/customers/cus_NffrFeUfNV2Hib', priceGroupPackageBillingId: 'prod_PGP1' },
      },
    });
    expect(entries[0]?.response).to.include({ source: 'pact', interaction: 'an update of an integration whose sync data is price billing' });
  });

  it('reaches the error interactions for the same request with Prefer, and the negative ones with bad requests', async () => {
    const mock = await startMock({ pacts });
    const url = mock.operationUrl('acme-corp', 'int-stripe-main');
    expect(record((await send(url, { headers: { prefer: 'code=403' } })).json)).to.include({ code: 'AccessDeniedError', message: 'access denied' });
    const limited = await send(url, { headers: { prefer: 'code=429' } });
    expect(record(limited.json)).to.include({ code: 'RateLimitExceeded' });
    expect(limited.headers.get('retry-after')).to.equal('1');
    // The 401 interaction's body has no matcher: only its exact body matches it; another gets the mock's own 401.
    expect(record((await send(url, { key: null, body: '{"syncedEntityId":"cus_NffrFeUfNV2Hib"}' })).json)).to.include({ message: 'API key is missing' });
    expect(record((await send(url, { key: null })).json)['message']).to.contain('no API key');
    const long = await send(url, { body: JSON.stringify({ syncedEntityId: 'x'.repeat(256) }) });
    expect(record(long.json)).to.include({ code: 'BadUserInput', message: 'syncedEntityId must be at most 255 characters' });
    const encoded = await send(`${mock.url}/api/v1/customers/acme%7Ceu@1.0/integrations/int-aws`, { body: '{"syncedEntityId":"x"}' });
    expect(record(record(encoded.json)['data'])).to.include({ vendorIdentifier: 'AWS_MARKETPLACE' });
  });

  it("gives the project client the pact's 404 as a NotFoundError", async () => {
    const mock = await startMock({ pacts });
    const client = new StiggIntegrationsClient({ baseUrl: mock.url, apiKey: API_KEY });
    const failure = await client.updateIntegration('ghost-customer', 'int-stripe-main', { syncedEntityId: 'cus_1' }).then(() => undefined, (error: unknown) => error);
    expect(failure).to.be.instanceOf(NotFoundError);
    expect((failure as NotFoundError).code).to.equal('CustomerNotFound');
  });

  it('falls back to a generated response when no interaction matches, and says so in the log', async () => {
    const entries: LogEntry[] = [];
    const mock = await startMock({ pacts, onExchange: (entry) => entries.push(entry) });
    const answer = await send(mock.operationUrl('someone-else', 'int-9'), { body: '{"syncedEntityId":"cus_9"}' });
    expect(answer.status).to.equal(200);
    expect(record(record(answer.json)['data'])).to.include({ id: 'int-9', syncedEntityId: 'cus_9' });
    expect(entries[0]?.response.source).to.equal('generated');
    expect(entries[0]?.note).to.contain('no pact interaction matched');
  });

  it('refuses unusable pacts with a ConfigurationError: malformed, another provider, a missing or empty directory', async () => {
    const contract = await shippedContract();
    const reasons: string[] = [];
    const empty = await tempDir();
    const mixed = await tempDir();
    await copyFile(join(FIXTURES, 'clean.json'), join(mixed, 'a.json'));
    await copyFile(join(FIXTURES, 'malformed.json'), join(mixed, 'b.json'));
    for (const target of [join(FIXTURES, 'other-provider.json'), mixed, join(empty, 'missing'), empty]) {
      const error = await loadPactResponder(target, contract).then(() => undefined, (caught: unknown) => caught);
      expect(error, target).to.be.instanceOf(ConfigurationError);
      reasons.push((error as Error).message);
    }
    expect(reasons[0]).to.contain('a pact for provider "billing-api", not "stigg-api"');
    expect(reasons[1]).to.contain('b.json: not JSON');
    expect(reasons[2]).to.contain('cannot read');
    expect(reasons[3]).to.contain('no pact files');
  });
});
