import { expect } from 'chai';
import { TokenBucket, type ReferenceProvider } from '../../src/provider/index.js';
import { expectError, OPERATION, patch, start, state } from './helpers.js';

const valid = OPERATION('globex', 'int-snowflake-01');

describe('provider: rate limiting', () => {
  describe('TokenBucket', () => {
    it('allows a burst of max(1, rate), then refills at the rate', () => {
      let now = 0;
      const bucket = new TokenBucket(3, () => now);
      expect([bucket.take(), bucket.take(), bucket.take()].every((decision) => decision.allowed)).to.equal(true);
      expect(bucket.take()).to.deep.equal({ allowed: false, retryAfterSeconds: 1 });
      now += 334;
      expect(bucket.take().allowed).to.equal(true);
      expect(bucket.take().allowed).to.equal(false);
    });

    it('tells a slow bucket to wait whole seconds, at least 1', () => {
      let now = 0;
      const bucket = new TokenBucket(0.25, () => now);
      expect(bucket.take().allowed).to.equal(true);
      expect(bucket.take()).to.deep.equal({ allowed: false, retryAfterSeconds: 4 });
      now += 3999;
      expect(bucket.take()).to.deep.equal({ allowed: false, retryAfterSeconds: 1 });
      now += 1;
      expect(bucket.take().allowed).to.equal(true);
    });

    it('refuses a rate that is not positive', () => {
      expect(() => new TokenBucket(0, Date.now)).to.throw(RangeError);
      expect(() => new TokenBucket(Number.NaN, Date.now)).to.throw(RangeError);
    });
  });

  describe('over HTTP, with a moved clock', () => {
    let now = 1_000_000;
    let provider: ReferenceProvider;
    before(async () => {
      provider = await start({ rateLimitPerSecond: 2, clock: () => now });
    });
    afterEach(() => provider.reset());
    after(() => provider.close());

    it('429 RateLimitExceeded with Retry-After once the burst is spent; 200 again after the refill', async () => {
      expect((await patch(provider, valid, { syncedEntityId: 'a' })).status).to.equal(200);
      expect((await patch(provider, valid, { syncedEntityId: 'b' })).status).to.equal(200);
      const limited = await patch(provider, valid, { syncedEntityId: 'c' });
      expectError(limited, 429, 'RateLimitExceeded');
      expect(limited.headers['retry-after']).to.equal('1');
      expect(provider.store.integration('globex', 'int-snowflake-01')?.syncedEntityId).to.equal('b');
      now += 500;
      expect((await patch(provider, valid, { syncedEntityId: 'd' })).status).to.equal(200);
    });

    it('decides 401 before 429, and 429 before any input rule', async () => {
      await patch(provider, valid, { syncedEntityId: 'a' });
      await patch(provider, valid, { syncedEntityId: 'a' });
      expectError(await patch(provider, valid, { syncedEntityId: 'a' }, { 'x-api-key': 'wrong' }), 401, 'Unauthenticated');
      expectError(await patch(provider, OPERATION('_bad', ''), 'not json', { 'content-type': 'text/plain' }), 429, 'RateLimitExceeded');
      expectError(await patch(provider, OPERATION('umbrella-restricted', 'x'), { syncedEntityId: 'a' }), 429, 'RateLimitExceeded');
    });

    it('unauthenticated requests spend no tokens', async () => {
      for (let i = 0; i < 5; i++) await patch(provider, valid, { syncedEntityId: 'a' }, { 'x-api-key': 'wrong' });
      expect((await patch(provider, valid, { syncedEntityId: 'a' })).status).to.equal(200);
    });
  });

  describe('over HTTP, with the real clock', () => {
    it('a tiny rate (0.1/s): the second request is refused with Retry-After 10', async () => {
      const provider = await start({ rateLimitPerSecond: 0.1 });
      try {
        expect((await patch(provider, valid, { syncedEntityId: 'a' })).status).to.equal(200);
        const limited = await patch(provider, valid, { syncedEntityId: 'b' });
        expectError(limited, 429, 'RateLimitExceeded');
        expect(Number(limited.headers['retry-after'])).to.be.within(9, 10);
      } finally {
        await provider.close();
      }
    });

    it('is unlimited by default, except while the state forces it', async () => {
      const provider = await start();
      try {
        const replies = await Promise.all(Array.from({ length: 50 }, () => patch(provider, valid, { syncedEntityId: 'x' })));
        expect(replies.every((reply) => reply.status === 200)).to.equal(true);
        await state(provider, { state: 'the API key is rate limited' });
        expectError(await patch(provider, valid, { syncedEntityId: 'x' }), 429, 'RateLimitExceeded');
        expectError(await patch(provider, valid, { syncedEntityId: 'x' }, { 'x-api-key': 'wrong' }), 401, 'Unauthenticated');
      } finally {
        await provider.close();
      }
    });
  });
});
