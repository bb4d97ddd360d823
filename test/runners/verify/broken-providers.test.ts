import { expect } from 'chai';
import { BROKEN } from '../../fixtures/providers/broken.js';
import { startVariantProvider } from '../../fixtures/providers/proxy.js';
import { failedChecks, runVerify } from './helpers.js';

const API_KEY = 'e2e-key-for-broken-providers';

describe('verify catches each deliberately broken provider with the check that should catch it', function () {
  this.timeout(60_000);

  it('has at least 30 broken providers, each a distinct departure', () => {
    expect(BROKEN.length).to.be.at.least(30);
    expect(new Set(BROKEN.map((b) => b.id)).size).to.equal(BROKEN.length);
  });

  for (const broken of BROKEN) {
    it(`${broken.id}: ${broken.departure} → ${broken.caughtBy}`, async () => {
      const provider = await startVariantProvider(broken.make(API_KEY), API_KEY);
      try {
        // One random case: the catch must come from the phases that are the same whatever the seed (the systematic
        // cases and the rate-limited state), so it holds on every seed; test/e2e/seed-matrix.ts shows it on five.
        const { report, exitCode } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, timeoutMs: 250, runs: 1, shrinkMs: 0 });
        expect(failedChecks(report), JSON.stringify(report.findings.map((g) => `${g.check}: ${g.finding.message}`).slice(0, 5))).to.include(broken.caughtBy);
        expect(exitCode).to.equal(1);
      } finally {
        await provider.close();
      }
    });
  }
});
