import { expect } from 'chai';
import { request } from 'undici';
import { formatConsole, formatJunit } from '../../../src/report/index.js';
import { runPactPhase } from '../../../src/runners/verify/pacts.js';
import { json } from '../../fixtures/providers/answers.js';
import { startVariantProvider, type Departure, type ProxyResponse, type VariantProvider } from '../../fixtures/providers/proxy.js';
import { runVerify } from './helpers.js';

const API_KEY = 'state-problems-key';
const RATE_LIMITED = 'the API key is rate limited';

/** Whether a state-change body is a teardown. */
const isTeardown = (change: unknown): boolean => (change as { action?: unknown } | null)?.action === 'teardown';

/** Every teardown answered 500 (after the reference provider applied nothing: the answer is rewritten, the state stays). */
function teardownsFail(bodies: string[]): Departure {
  const broken: ProxyResponse = { status: 500, headers: { 'content-type': 'text/plain' }, body: 'teardown broken' };
  return {
    stateChange: (change) => {
      bodies.push(JSON.stringify(change));
      return isTeardown(change) ? 'ignore' : undefined;
    },
    stateAnswer: (change, answer) => (isTeardown(change) ? broken : answer),
  };
}

/** A valid request with the key: whether the provider still answers it 429 (the key left rate limited). */
async function limited(provider: VariantProvider): Promise<boolean> {
  const answer = await request(`${provider.url}/api/v1/customers/nobody/integrations/none`, { method: 'PATCH', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' }, body: '{"syncedEntityId":null}' });
  await answer.body.text();
  return answer.statusCode === 429;
}

describe('verify: a failed teardown never leaves the run waiting on it, and is reported naming the state', function () {
  this.timeout(60_000);

  it('phase 2: each teardown tried again, then a provider-state problem in the report (console, JSON, JUnit); the run ends with no verdict (exit 2)', async () => {
    const bodies: string[] = [];
    const provider = await startVariantProvider(teardownsFail(bodies), API_KEY);
    try {
      const { report, exitCode, summary } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, runs: 5, existingFixtures: 2 });
      const rateLimitTeardowns = bodies.filter((body) => isTeardown(json(body)) && json(body)['state'] === RATE_LIMITED);
      expect(rateLimitTeardowns, 'the first teardown to fail is sent three times').to.have.length(3);
      expect(summary.teardownProblems, summary.teardownProblems.join('\n')).to.include('the teardown of provider state "the API key is rate limited" failed (3 tries): answered 500: teardown broken');
      expect(report.problems?.find((problem) => problem.state === RATE_LIMITED)).to.include({ kind: 'provider-state' });
      expect(summary.stopped?.reason).to.match(/the provider is left rate limited: the teardown of "the API key is rate limited" failed/);
      expect(exitCode).to.equal(2);
      const lines = formatConsole(report).trim().split('\n');
      expect(lines).to.include('Problems (' + String(report.problems?.length) + '): the run is incomplete');
      expect(lines.at(-1)).to.match(/^STOPPED: the provider is left rate limited: .* · no verdict: \d+ of \d+ planned cases judged · 0 violations, /);
      expect(formatJunit(report)).to.contain('name="provider-state › the API key is rate limited"').and.to.contain('type="provider-state"');
      // Nothing was waited on: the key left limited stopped the run instead of minutes of 429s.
      expect(report.meta.rateLimitWaitMs).to.equal(undefined);
    } finally {
      await provider.close();
    }
  });

  it('phase 1: Pact\'s teardowns through the relay are tried again and reported; a key left limited stops Pact\'s verifier and the run (exit 2)', async () => {
    const bodies: string[] = [];
    const provider = await startVariantProvider(teardownsFail(bodies), API_KEY);
    try {
      const { report, exitCode, summary } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, runs: 5, skipPacts: false });
      expect(summary.teardownProblems.filter((message) => message.includes(`"${RATE_LIMITED}"`)), summary.teardownProblems.join('\n')).to.have.length(1);
      expect(summary.stopped?.reason).to.match(/the provider is left rate limited/);
      expect(summary.phases.find((phase) => phase.phase === 'pacts')).to.deep.include({ ran: false });
      expect(report.pacts.filter((pact) => !pact.passed), 'no interaction is judged on 429s the kept state caused').to.deep.equal([]);
      expect(report.meta.rateLimitWaitMs).to.equal(undefined);
      expect(exitCode).to.equal(2);
    } finally {
      await provider.close();
    }
  });

  it('state changes have their own deadline: --timeout 20 with state changes answered after 100 ms fails no pact interaction', async () => {
    const slowStates: Departure = { stateAnswer: (_change, answer) => ({ ...answer, wire: { delayMs: 100 } }) };
    const provider = await startVariantProvider(slowStates, API_KEY);
    const failed: string[] = [];
    try {
      const phase = await runPactPhase({ providerBaseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, keyHeader: 'X-API-KEY', timeoutMs: 20, stateTimeoutMs: 10_000, limitMs: 120_000 }, {
        onPact: (result) => void (result.passed || failed.push(`${result.description}: ${result.message ?? ''}`)),
      });
      expect(failed).to.deep.equal([]);
      expect(phase).to.include({ ran: true, passed: true });
      expect(await limited(provider)).to.equal(false);
    } finally {
      await provider.close();
    }
  });
});
