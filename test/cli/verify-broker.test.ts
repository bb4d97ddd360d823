import { expect } from 'chai';
import { startBrokerDouble, type BrokerDouble } from '../fixtures/broker-double.js';
import { runCli } from '../helpers/cli.js';
import { closedPortUrl } from '../pact/broker/helpers.js';

const TOKEN = 'canary-broker-token-5e1f';

describe('cli: publish then verify from a broker (the broker double)', function () {
  this.timeout(90_000);
  let broker: BrokerDouble;
  before(async () => {
    broker = await startBrokerDouble({ auth: { token: TOKEN } });
  });
  after(() => broker.close());

  it('publishes pacts/, verifies the embedded provider against what the broker selects, publishes the results', async () => {
    const env = { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN, PACT_BROKER_HTTP_RETRIES: '0' };
    const published = await runCli(['publish', 'pacts', '--consumer-version', 'c-sha-1', '--branch', 'main'], { env });
    expect(published.code, published.stderr).to.equal(0);

    const run = await runCli(['verify', '--provider-version', 'p-sha-1', '--provider-branch', 'main', '--publish-results', '--runs', '20', '--seed', '3', '--no-color'], { env, timeoutMs: 60_000 });
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.contain('Pact interactions (12/12 passed)');
    const calls = broker.calls();
    expect(calls).to.include('POST /pacts/provider/stigg-api/for-verification');
    expect(calls.some((call) => /^POST \/pacts\/provider\/stigg-api\/consumer\/stigg-contract-client\/pact-version\/\w+\/verification-results$/.test(call))).to.equal(true);
    expect(broker.state.verifications.map((v) => v.success)).to.deep.equal([true]);
    for (const text of [published.stdout, published.stderr, run.stdout, run.stderr]) expect(text).not.to.contain(TOKEN);
  });

  it('exits 2 (could not run, not a failed interaction) for an unreachable broker or one without the pacts-for-verification endpoint', async () => {
    const without = await startBrokerDouble({ auth: { token: TOKEN } });
    without.fault({ path: /\/for-verification$/, status: 404, body: { error: { message: 'no route' } } });
    try {
      for (const [url, cause] of [[await closedPortUrl(), /error sending request/], [without.url, /not found/i]] as const) {
        const run = await runCli(['verify', '--broker-url', url, '--provider-version', 'p1', '--runs', '1', '--seed', '1', '--no-color'], { env: { PACT_BROKER_TOKEN: TOKEN } });
        expect(run.code, run.stdout).to.equal(2);
        expect(run.stderr).to.match(/^stigg-contract: pact verification could not run: No pacts found for provider 'stigg-api'/m).and.match(cause);
        expect(run.stdout + run.stderr).not.to.contain(TOKEN);
      }
    } finally {
      await without.close();
    }
  });
});
