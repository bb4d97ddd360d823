import { expect } from 'chai';
import { parseHttpDate, parseRetryAfter, retryAfterMs, retryAfterSeconds } from '../../src/http/retry-after.js';
import { rateLimitRefusal } from '../../src/http/retry.js';

const NOW = Date.UTC(2015, 9, 21, 7, 27, 58);

describe('Retry-After', () => {
  const cases: readonly [string, number | undefined][] = [
    ['0', 0],
    ['120', 120_000],
    [' 3 ', 3000],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 2000],
    ['Wednesday, 21-Oct-15 07:28:00 GMT', 2000],
    ['Wed Oct 21 07:28:00 2015', 2000],
    ['Wed, 21 Oct 2015 07:27:00 GMT', 0],
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['Wed, 32 Oct 2015 07:28:00 GMT', undefined],
    ['Wed, 21 Oct 2015 07:28:00 UTC', undefined],
  ];
  for (const [value, ms] of cases) {
    it(`reads ${JSON.stringify(value)} as ${ms === undefined ? 'malformed' : `${ms} ms`}`, () => {
      expect(parseRetryAfter(value, NOW)).to.equal(ms);
    });
  }

  it('parses the three HTTP-date forms to the same instant', () => {
    const instant = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).to.equal(instant);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).to.equal(instant);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).to.equal(instant);
  });

  it('one reader for the client, the checks and the retry loop: they agree on every value (an ISO timestamp is malformed for all)', () => {
    const values = [...cases.map(([value]) => value), '2025-01-01T00:00:30Z', '2015-10-21T07:28:00Z', 'Wed, 21 Oct 2015 07:28:30 GMT', '+5', '5 ', '', '1e3', '007'];
    for (const value of values) {
      const ms = parseRetryAfter(value, NOW);
      expect(retryAfterMs(value, NOW), value).to.equal(ms);
      expect(retryAfterSeconds(value, NOW), value).to.equal(ms === undefined ? undefined : Math.ceil(ms / 1000));
      const refusal = rateLimitRefusal(429, { 'Retry-After': value }, NOW);
      expect(refusal && refusal.retryAfterMs, value).to.equal(ms);
    }
    expect(retryAfterSeconds('2025-01-01T00:00:30Z', NOW)).to.equal(undefined);
  });

  it('a repeated header is read by its first value; an absent one names no wait', () => {
    expect(retryAfterMs(['5', '9'], NOW)).to.equal(5000);
    expect(retryAfterMs(undefined, NOW)).to.equal(undefined);
  });
});
