/** A provider whose headers arrive and whose body drips is slow, not unreachable: the run says what happened. */
import { expect } from 'chai';
import { createTransport } from '../../src/runners/verify/transport.js';
import { startVariantProvider, type VariantProvider } from '../fixtures/providers/proxy.js';
import { runCli } from '../helpers/cli.js';

describe('verify: a slow answer is not "unreachable"', function () {
  this.timeout(30_000);
  let provider: VariantProvider;
  before(async () => {
    // Every answer: headers at once, then the body a byte every 100 ms (a stalled upstream behind a gateway).
    provider = await startVariantProvider({ response: (_seen, answer) => ({ ...answer, wire: { dripMs: 100 } }) }, 'slow-key-1');
  });
  after(() => provider.close());

  it('the transport says when the headers came and how much of the body did', async () => {
    const transport = createTransport({ baseUrl: provider.url, timeoutMs: 300, maxBodyBytes: 1 << 20, connections: 1 });
    try {
      const outcome = await transport.send({ method: 'PATCH', path: '/api/v1/customers/a/integrations/b', headers: {}, body: '{}' });
      expect(outcome).to.include({ error: 'timeout' });
      expect('headersAfterMs' in outcome && outcome.headersAfterMs).to.be.a('number').below(300);
      expect('message' in outcome && outcome.message).to.match(/^headers after \d+ ms \(status 401\), body incomplete at the 300 ms deadline \(\d+ of \d+ bytes\)$/);
    } finally {
      await transport.close();
    }
  });

  it('verify ends with exit 2 and "provider too slow", naming the headers and the body, never "unreachable"', async () => {
    const run = await runCli(['verify', '--base-url', provider.url, '--api-key', 'slow-key-1', '--timeout', '300', '--runs', '1']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.match(/provider too slow at http:\/\/127\.0\.0\.1:\d+: headers after \d+ ms \(status 401\), body incomplete at the 300 ms deadline \(\d+ of \d+ bytes\); raise timeoutMs \(--timeout\)/);
    expect(run.stderr).not.to.contain('unreachable');
  });
});
