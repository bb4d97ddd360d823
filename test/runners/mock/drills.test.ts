import { expect } from 'chai';
import type { LogEntry } from '../../../src/runners/mock/index.js';
import { closeAll, record, send, startMock } from './helpers.js';

/** Sends `count` valid PATCHes in turn (with `prefer` on every third one, when given) and returns the log entries. */
async function drive(seed: number, drill: number, count: number, prefer?: string): Promise<{ entries: LogEntry[]; retryAfter: (string | null)[] }> {
  const entries: LogEntry[] = [];
  const mock = await startMock({ seed, drill, onExchange: (entry) => entries.push(entry) });
  const retryAfter: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await send(mock.operationUrl('acme', 'int-1'), prefer && i % 3 === 0 ? { headers: { prefer } } : {});
    retryAfter.push(answer.headers.get('retry-after'));
  }
  return { entries, retryAfter };
}

describe('runners/mock: error drills', () => {
  afterEach(closeAll);

  it('answers about the asked fraction of valid requests with documented errors, one of each kind first', async () => {
    const { entries, retryAfter } = await drive(3, 0.4, 60);
    const drilled = entries.filter((entry) => entry.drill !== undefined);
    expect(drilled.length).to.be.within(12, 36);
    expect(drilled.slice(0, 5).map((entry) => entry.drill)).to.deep.equal(['429 RateLimitExceeded', '404 CustomerNotFound', '404 IntegrationNotFound', '403', '401 Unauthenticated']);
    for (const entry of drilled) {
      expect(entry.verdict).to.equal('valid');
      expect(String(entry.response.status)).to.equal(entry.drill?.split(' ')[0]);
      const code = record(entry.response.body)['code'];
      if (entry.drill?.includes(' ')) expect(code).to.equal(entry.drill.split(' ')[1]);
      else expect(['IdentityForbidden', 'AccessDeniedError', 'NoFeatureEntitlementError']).to.include(code);
    }
    drilled.filter((entry) => entry.response.status === 429).forEach((entry) => expect(retryAfter[entry.index]).to.equal('1'));
    expect(entries.filter((entry) => entry.drill === undefined).every((entry) => entry.response.status === 200)).to.equal(true);
  });

  it('replays for the same seed, never drills a request that asks for a status with Prefer, and drills none at 0', async () => {
    const pattern = (entries: readonly LogEntry[]): string[] => entries.map((entry) => entry.drill ?? '-');
    const [first, again, other] = [await drive(11, 0.5, 24), await drive(11, 0.5, 24), await drive(12, 0.5, 24)];
    expect(pattern(again.entries)).to.deep.equal(pattern(first.entries));
    expect(pattern(other.entries)).to.not.deep.equal(pattern(first.entries));
    const preferred = await drive(11, 1, 12, 'code=200');
    preferred.entries.forEach((entry, i) => expect(entry.drill === undefined, String(i)).to.equal(i % 3 === 0));
    expect((await drive(11, 0, 12)).entries.every((entry) => entry.drill === undefined)).to.equal(true);
  });
});
