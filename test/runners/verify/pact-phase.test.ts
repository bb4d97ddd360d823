import { expect } from 'chai';
import { runPactPhase } from '../../../src/runners/verify/pacts.js';
import { runVerify } from './helpers.js';
import { isOperation } from '../../fixtures/providers/answers.js';
import { startVariantProvider, type Departure, type ProxyResponse } from '../../fixtures/providers/proxy.js';

const API_KEY = 'pact-phase-key';
const TOO_MANY: ProxyResponse = { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '1' }, body: JSON.stringify({ message: 'slow down', code: 'RateLimitExceeded' }) };

/** Runs phase 1 against a provider departing as given; the interactions that failed, with their messages. */
async function failedPacts(departure: Departure, rateLimitWaitsMs: readonly number[]): Promise<string[]> {
  const provider = await startVariantProvider(departure, API_KEY);
  const failed: string[] = [];
  try {
    await runPactPhase({ providerBaseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, keyHeader: 'X-API-KEY', timeoutMs: 2000, stateTimeoutMs: 10_000, limitMs: 120_000, rateLimitWaitsMs }, {
      onPact: (result) => { if (!result.passed) failed.push(`${result.description}: ${result.message ?? ''}`); },
    });
  } finally {
    await provider.close();
  }
  return failed;
}

describe('verify phase 1: interactions a rate limiter refused are verified again', function () {
  this.timeout(60_000);

  it('passes a provider whose limiter refuses a few requests (429) and then lets them through', async () => {
    let count = 0;
    // Operation requests 3 to 6 are refused, whichever interactions they belong to.
    const limiter: Departure = { request: (seen) => (isOperation(seen) && ++count >= 3 && count <= 6 ? TOO_MANY : seen) };
    expect(await failedPacts(limiter, [10, 10, 10])).to.deep.equal([]);
    expect(count, 'the refused interactions were sent again').to.be.above(12);
  });

  it('still fails an interaction the provider answers 429 again when it is tried again', async () => {
    const unlinkRefused: Departure = { request: (seen) => (isOperation(seen) && seen.body.includes('"syncedEntityId":null') && seen.headers['x-api-key'] === API_KEY ? TOO_MANY : seen) };
    const failed = await failedPacts(unlinkRefused, [10]);
    expect(failed).to.have.length(1);
    expect(failed[0]).to.contain('unlinks').and.contain('but was 429');
  });
});

describe('verify phase 1: its own limit (--pact-timeout), named when it ends the phase', function () {
  this.timeout(60_000);

  it('Pact\'s verifier past its limit is stopped: the phase says which limit ended it, judges no interaction, and phase 2 goes on (exit 2, a pact-phase problem)', async () => {
    const provider = await startVariantProvider({}, API_KEY);
    try {
      const phase = await runPactPhase({ providerBaseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, keyHeader: 'X-API-KEY', timeoutMs: 2000, stateTimeoutMs: 10_000, limitMs: 1 }, {});
      expect(phase).to.deep.include({ ran: true, passed: false, stopped: 'Pact\'s verifier ran past the pact phase\'s limit of 1ms (--pact-timeout) and was stopped' });
      const { report, exitCode, summary } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, skipPacts: false, pactTimeoutMs: 1, runs: 5 });
      expect(summary.phases.find((outcome) => outcome.phase === 'pacts')).to.deep.equal({ phase: 'pacts', ran: false, reason: 'cut off: Pact\'s verifier ran past the pact phase\'s limit of 1ms (--pact-timeout) and was stopped' });
      expect(report.problems).to.deep.equal([{ kind: 'pact-phase', message: 'the pact phase was cut off: Pact\'s verifier ran past the pact phase\'s limit of 1ms (--pact-timeout) and was stopped; no interaction was judged' }]);
      expect(summary.systematic?.cases).to.be.greaterThan(0);
      expect(summary.stopped).to.equal(undefined);
      expect(exitCode).to.equal(2);
    } finally {
      await provider.close();
    }
  });
});
