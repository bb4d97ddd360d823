import { expect } from 'chai';
import { request } from 'undici';
import { startVariantProvider } from '../../fixtures/providers/proxy.js';
import { runVerify } from './helpers.js';

const API_KEY = 'interrupt-runner-key';

describe('verify: Ctrl+C in the pact phase', function () {
  this.timeout(60_000);

  it('stops Pact\'s verifier at once and undoes the state it had set up (the key is not left rate limited)', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const provider = await startVariantProvider({
      stateChange: (change) => {
        const { state, action } = change as { state?: string; action?: string };
        seen.push(`${action ?? ''} ${state ?? ''}`);
        // Ctrl+C right as Pact's verifier sets up the rate-limited state: it is applied, its teardown never sent by Pact.
        if (state === 'the API key is rate limited' && action === 'setup') controller.abort();
      },
    }, API_KEY);
    try {
      const { report, exitCode, summary } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, skipPacts: false, signal: controller.signal });
      expect(summary.phases.find((phase) => phase.phase === 'pacts')).to.deep.equal({ phase: 'pacts', ran: false, reason: 'the run stopped: interrupted' });
      expect(summary.stopped).to.include({ reason: 'interrupted', interrupted: true });
      expect(report.pacts, 'Pact\'s verifier was stopped before its verdict: no interaction is judged').to.deep.equal([]);
      expect(seen).to.include('teardown the API key is rate limited');
      const answer = await request(`${provider.url}/api/v1/customers/nobody/integrations/none`, { method: 'PATCH', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' }, body: '{"syncedEntityId":null}' });
      await answer.body.text();
      expect(answer.statusCode).not.to.equal(429);
      expect(exitCode).to.equal(2);
    } finally {
      await provider.close();
    }
  });
});
