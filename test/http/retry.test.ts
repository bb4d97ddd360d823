import { expect } from 'chai';
import { Backoff, rateLimitRefusal, TOO_MANY_REQUESTS, withRetryAfter, type Refusal } from '../../src/http/retry.js';

/** A sender whose first `refusals` answers are 429 with `retryAfter`, then 200; counts its sends. */
function limited(refusals: number, retryAfter?: string): { send(): Promise<{ status: number; headers: Record<string, string> }>; readonly sends: number } {
  let sends = 0;
  return {
    send: async () => (sends++ < refusals ? { status: TOO_MANY_REQUESTS, headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter } } : { status: 200, headers: {} }),
    get sends() {
      return sends;
    },
  };
}
const refusal = (answer: { status: number; headers: Record<string, string> }): Refusal => rateLimitRefusal(answer.status, answer.headers);

describe('http: waiting out a rate limiter (withRetryAfter)', () => {
  it('reads a 429 as a refusal with its Retry-After, anything else as an answer', () => {
    expect(rateLimitRefusal(429, { 'retry-after': '2' }, 0)).to.deep.equal({ retryAfterMs: 2000 });
    expect(rateLimitRefusal(429, { 'Retry-After': 'soon' }, 0)).to.deep.equal({ retryAfterMs: undefined });
    expect(rateLimitRefusal(429, {}, 0)).to.deep.equal({ retryAfterMs: undefined });
    expect(rateLimitRefusal(200, { 'retry-after': '2' }, 0)).to.equal(false);
    expect(rateLimitRefusal(503, { 'retry-after': '2' }, 0)).to.equal(false);
  });

  it('sends again after each refusal until the answer comes, counting the time waited', async () => {
    const sender = limited(2, '0');
    const backoff = new Backoff(1000);
    expect(await withRetryAfter(() => sender.send(), refusal, backoff, { maxAttempts: 5 })).to.deep.equal({ status: 200, headers: {} });
    expect(sender.sends).to.equal(3);
    expect(backoff.waited).to.equal(0);
  });

  it('past its attempts, the last refusal is the answer, and the shared pause still says to wait', async () => {
    const sender = limited(100, '0');
    const backoff = new Backoff(1000);
    expect((await withRetryAfter(() => sender.send(), refusal, backoff, { maxAttempts: 3 })).status).to.equal(429);
    expect(sender.sends).to.equal(3);
    const silent = limited(1);
    const held = new Backoff(60_000);
    await withRetryAfter(() => silent.send(), refusal, held, { maxAttempts: 1, defaultWaitMs: () => 50_000 });
    expect(held.pending, 'a refusal without Retry-After holds the next sender for the default wait').to.equal(true);
    expect(held.waited).to.equal(50_000);
  });

  it('past its budget, the refusal is the answer; each wait is capped', async () => {
    const sender = limited(100, '3600');
    const backoff = new Backoff(5, 4);
    expect((await withRetryAfter(() => sender.send(), refusal, backoff, { maxAttempts: 50 })).status).to.equal(429);
    expect(sender.sends, 'the first wait spends the budget').to.equal(1);
    expect(backoff.waited, 'an hour asked, the 4 ms of the budget held (the cap per wait is 5)').to.equal(4);
  });

  it('with the budget spent, a refusal extends no wait and is told once; an aborted signal ends every wait', async () => {
    let spent = 0;
    const backoff = new Backoff(1000, 0, { onSpent: () => void spent++ });
    backoff.told(3_600_000);
    backoff.told(3_600_000);
    expect(backoff.pending).to.equal(false);
    expect(backoff.waited).to.equal(0);
    expect(spent).to.equal(1);
    const controller = new AbortController();
    const held = new Backoff(600_000, 600_000, { signal: controller.signal });
    held.told(600_000);
    expect(held.pending).to.equal(true);
    const waiting = held.wait();
    controller.abort();
    await waiting;
    expect(held.pending).to.equal(false);
    expect(held.canRetry).to.equal(false);
  });

  it('a refusal without Retry-After waits as the caller says per retry (1 s by default)', async () => {
    const asked: number[] = [];
    const backoff = new Backoff(1);
    const sender = limited(3);
    await withRetryAfter(() => sender.send(), refusal, backoff, { maxAttempts: 10, defaultWaitMs: (retry) => (asked.push(retry), 1) });
    expect(asked).to.deep.equal([0, 1, 2]);
  });
});
