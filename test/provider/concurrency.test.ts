import { expect } from 'chai';
import { SEED, type ReferenceProvider } from '../../src/provider/index.js';
import { API_KEY, OPERATION, send, start } from './helpers.js';

describe('provider: concurrent updates of one integration', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await start();
  });
  after(() => provider.close());

  it('300 concurrent PATCHes (and state changes in between): every response is one whole record, last write wins', async () => {
    const seeded = SEED[0]?.integrations[0];
    if (!seeded) throw new Error('seed changed');
    const customer = encodeURIComponent(SEED[0]?.id ?? '');
    // Two whole records the state protocol swaps in while PATCHes run; a torn record would mix their fields.
    const variants = [
      { vendorIdentifier: 'STRIPE', syncData: seeded.syncData },
      { vendorIdentifier: 'AUTH0', syncData: null },
    ];
    const values = Array.from({ length: 300 }, (_, i) => `entity-${i}-${'x'.repeat(i % 200)}`);
    const patches = values.map(async (value, i) => {
      if (i % 30 === 0) {
        const variant = variants[(i / 30) % 2] ?? variants[0];
        const params = { customerId: SEED[0]?.id, integrationId: seeded.id, ...variant, syncedEntityId: 'from-state' };
        await send(provider, { method: 'POST', path: '/_pact/provider-states', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ state: 'a customer with an integration', params }) });
      }
      const body = JSON.stringify({ syncedEntityId: value });
      return send(provider, { path: OPERATION(customer, seeded.id), headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' }, body });
    });
    const replies = await Promise.all(patches);
    replies.forEach((reply, i) => {
      expect(reply.status, reply.text).to.equal(200);
      const { data } = reply.json as { data: { id: string; vendorIdentifier: string; syncedEntityId: string; syncData: unknown } };
      expect(data.id).to.equal(seeded.id);
      expect(data.syncedEntityId).to.equal(values[i]);
      expect(variants).to.deep.include({ vendorIdentifier: data.vendorIdentifier, syncData: data.syncData });
    });
    const final = provider.store.integration(SEED[0]?.id ?? '', seeded.id);
    expect(values).to.include(final?.syncedEntityId);
    expect(variants).to.deep.include({ vendorIdentifier: final?.vendorIdentifier, syncData: final?.syncData });
  });
});
