import { expect } from 'chai';
import { EVERY_SLUG_CHARACTER_CUSTOMER, SEED, SEED_FIXTURES, VENDOR_IDENTIFIERS, type ReferenceProvider } from '../../src/provider/index.js';
import { expectRecord, OPERATION, patch, start, state } from './helpers.js';

describe('provider: successful updates', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await start();
  });
  afterEach(() => provider.reset());
  after(() => provider.close());

  it('seeds every vendor identifier and every syncData shape, including none', () => {
    const records = SEED.flatMap((customer) => customer.integrations);
    expect(new Set(records.map((record) => record.vendorIdentifier))).to.have.all.keys(...VENDOR_IDENTIFIERS);
    const shapes = new Set(records.map((record) => (record.syncData ? Object.keys(record.syncData).sort().join(',') : 'null')));
    expect(shapes).to.have.all.keys('billingId,billingLinkUrl,priceGroupPackageBillingId', 'billingId,billingLinkUrl', 'dimensions', 'null');
    expect(SEED.map((customer) => customer.id)).to.include(EVERY_SLUG_CHARACTER_CUSTOMER);
  });

  it('answers 200 with the whole updated record for every seeded integration', async () => {
    for (const { customerId, integrationId } of SEED_FIXTURES) {
      const seeded = SEED.find((customer) => customer.id === customerId)?.integrations.find((record) => record.id === integrationId);
      const reply = await patch(provider, OPERATION(encodeURIComponent(customerId), encodeURIComponent(integrationId)), { syncedEntityId: 'ext-1' });
      expectRecord(reply, { ...seeded!, syncedEntityId: 'ext-1' });
    }
  });

  it('applies the update so the next request and the store see it; null unlinks', async () => {
    const path = OPERATION('globex', 'int-appstore-01');
    await patch(provider, path, { syncedEntityId: 'first' });
    expect(provider.store.integration('globex', 'int-appstore-01')?.syncedEntityId).to.equal('first');
    const unlinked = await patch(provider, path, { syncedEntityId: null });
    expect((unlinked.json as { data: { syncedEntityId: unknown; syncData: unknown } }).data).to.include({ syncedEntityId: null });
    expect(provider.store.integration('globex', 'int-appstore-01')).to.deep.include({ syncedEntityId: null, vendorIdentifier: 'APP_STORE' });
    const relinked = await patch(provider, path, { syncedEntityId: 'second' });
    expect((relinked.json as { data: { syncData: unknown } }).data.syncData).to.deep.equal(SEED[1]?.integrations[3]?.syncData);
  });

  it('accepts the slug with every legal character, raw or percent-encoded', async () => {
    for (const slug of [EVERY_SLUG_CHARACTER_CUSTOMER, encodeURIComponent(EVERY_SLUG_CHARACTER_CUSTOMER), 'Acme_Corp%7ceu%2Ewest%40prod-01']) {
      const reply = await patch(provider, OPERATION(slug, 'int-auth0-01'), { syncedEntityId: slug });
      expect(reply.status, `${slug}: ${reply.text}`).to.equal(200);
    }
  });

  it('decodes an integration id that needs percent-encoding (slash, space, non-ASCII)', async () => {
    const path = OPERATION(encodeURIComponent(EVERY_SLUG_CHARACTER_CUSTOMER), encodeURIComponent('hubspot/crm 1 ✓'));
    const reply = await patch(provider, path, { syncedEntityId: '77' });
    expectRecord(reply, { id: 'hubspot/crm 1 ✓', vendorIdentifier: 'HUBSPOT', syncedEntityId: '77', syncData: null });
  });

  it('accepts the boundaries: 255-character slug, 255-emoji integration id and syncedEntityId', async () => {
    const slug = `A${'b'.repeat(254)}`;
    const integrationId = '🚀'.repeat(255);
    await state(provider, { state: 'a customer with an integration', params: { customerId: slug, integrationId, vendorIdentifier: 'PREQUEL' } });
    const reply = await patch(provider, OPERATION(slug, encodeURIComponent(integrationId)), { syncedEntityId: '😀'.repeat(255) });
    expectRecord(reply, { id: integrationId, vendorIdentifier: 'PREQUEL', syncedEntityId: '😀'.repeat(255), syncData: null });
  });

  it('accepts an empty syncedEntityId and a non-ASCII one', async () => {
    for (const syncedEntityId of ['', 'naïve ✓ 日本']) {
      const reply = await patch(provider, OPERATION('globex', 'int-received-01'), { syncedEntityId });
      expect((reply.json as { data: { syncedEntityId: unknown } }).data.syncedEntityId).to.equal(syncedEntityId);
    }
  });

  it('accepts Content-Type parameters in any case and ignores X-ACCOUNT-ID / X-ENVIRONMENT-ID and the query', async () => {
    const headers = { 'content-type': 'Application/JSON ; Charset="UTF-8"', 'x-account-id': 'acct-who-knows', 'x-environment-id': '' };
    const reply = await patch(provider, `${OPERATION('globex', 'int-prequel-01')}?dryRun=true`, { syncedEntityId: 'q' }, headers);
    expect(reply.status, reply.text).to.equal(200);
  });
});
