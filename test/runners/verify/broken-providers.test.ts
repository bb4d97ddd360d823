import { expect } from 'chai';
import { BROKEN } from '../../fixtures/providers/broken.js';
import { startVariantProvider } from '../../fixtures/providers/proxy.js';
import { failedChecks, limiter, runVerify } from './helpers.js';

const API_KEY = 'e2e-key-for-broken-providers';

/**
 * One verify run against a broken provider, stopped (as Ctrl+C would) once the named check has reported a violation:
 * what comes after the catch cannot undo it, and most of a run's cost is the cases after it.
 */
async function caught({ make, caughtBy }: (typeof BROKEN)[number]) {
  const provider = await startVariantProvider(make(API_KEY), API_KEY);
  const stop = new AbortController();
  try {
    // One random case: the catch must come from the phases that are the same whatever the seed (the systematic
    // cases and the rate-limited state), so it holds on every seed; `npm run e2e:seeds` shows it, whole runs, on five.
    const { report, exitCode, summary } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, timeoutMs: 250, runs: 1, shrinkMs: 0, signal: stop.signal }, {
      onExchange: (_exchange, runs) => {
        if (runs.some((run) => run.check === caughtBy && run.outcome.status === 'failed' && run.outcome.findings.some((finding) => finding.kind === 'violation'))) stop.abort();
      },
    });
    return { failed: failedChecks(report), exitCode, teardownProblems: summary.teardownProblems, first: report.findings.map((g) => `${g.check}: ${g.finding.message}`).slice(0, 5) };
  } finally {
    await provider.close();
  }
}

describe('verify catches each deliberately broken provider with the check that should catch it', function () {
  this.timeout(60_000);
  // The runs start together, four at a time (a hang or a huge body is mostly waiting); every test awaits its own.
  const limit = limiter(4);
  const runs = new Map<string, ReturnType<typeof caught>>();
  before(() => {
    for (const broken of BROKEN) runs.set(broken.id, limit(() => caught(broken)));
  });

  it('has at least 30 broken providers, each a distinct departure', () => {
    expect(BROKEN.length).to.be.at.least(30);
    expect(new Set(BROKEN.map((b) => b.id)).size).to.equal(BROKEN.length);
  });

  for (const broken of BROKEN) {
    it(`${broken.id}: ${broken.departure} → ${broken.caughtBy}`, async () => {
      const result = await runs.get(broken.id);
      expect(result?.failed, JSON.stringify(result?.first)).to.include(broken.caughtBy);
      expect(result?.exitCode).to.equal(1);
      // Stopped early or not, the run undid every state change it made.
      expect(result?.teardownProblems).to.deep.equal([]);
    });
  }
});
