import { expect } from 'chai';
import { CHECK_IDS } from '../../../src/checks/index.js';
import { BROKEN } from '../../fixtures/providers/broken.js';
import { everyLegitimateDeparture, LEGITIMATE } from '../../fixtures/providers/legitimate.js';
import { startVariantProvider } from '../../fixtures/providers/proxy.js';
import { failedChecks, runVerify } from './helpers.js';

const API_KEY = 'e2e-key-for-legitimate-providers';
/** Five fixed seeds: the verdict must not depend on the draw. */
export const SEEDS = [11, 22, 33, 44, 55] as const;

describe('verify passes every legitimate variant provider, on every seed', function () {
  this.timeout(120_000);

  it('every check ships with a broken provider it catches and a legitimate variant it passes', () => {
    expect(new Set(LEGITIMATE.map((v) => v.id)).size).to.equal(LEGITIMATE.length);
    const exercised = new Set(LEGITIMATE.flatMap((v) => v.exercises));
    const caught = new Set(BROKEN.map((b) => b.caughtBy));
    expect(CHECK_IDS.filter((id) => !exercised.has(id)), 'checks no legitimate variant exercises').to.deep.equal([]);
    expect(CHECK_IDS.filter((id) => !caught.has(id)), 'checks no broken provider proves').to.deep.equal([]);
    expect([...exercised].filter((id) => !CHECK_IDS.includes(id))).to.deep.equal([]);
  });

  for (const variant of LEGITIMATE) {
    it(`${variant.id}: ${variant.departure}`, async () => {
      // Seeds run side by side, each against a provider of its own (a run sets up and updates its own records).
      const runSeed = async (seed: number) => {
        const provider = await startVariantProvider(variant.make(API_KEY), API_KEY);
        try {
          const { report, exitCode, summary } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, seed, runs: 40, timeoutMs: 1000 });
          const violations = report.findings.filter((g) => g.kind === 'violation').map((g) => `${g.check}: ${g.finding.message} (${g.finding.request.method} ${g.finding.request.path.slice(0, 60)} → ${g.finding.actual.slice(0, 80)})`);
          return { seed, exitCode, violations, interrupted: summary.conformance.interrupted || summary.systematic?.interrupted === true, waitedMs: report.meta.rateLimitWaitMs ?? 0 };
        } finally {
          await provider.close();
        }
      };
      const results = await Promise.all(SEEDS.map(runSeed));
      for (const result of results) {
        expect(result.violations, `seed ${result.seed}`).to.deep.equal([]);
        expect(result.exitCode, `seed ${result.seed}`).to.equal(0);
        expect(result.interrupted, `seed ${result.seed} ran to the end`).to.equal(false);
      }
      // Behind the gateway's limiter the run backs off as told, and says how long it waited.
      if (variant.id === 'global-rate-limiter') expect(results.every((r) => r.waitedMs > 0), 'the limiter was met on every seed').to.equal(true);
    });
  }

  it('the pacts pass against every legitimate departure at once (nullable codes, media types, extras, framework routes)', async () => {
    const provider = await startVariantProvider(everyLegitimateDeparture(API_KEY), API_KEY);
    try {
      const { report, exitCode, summary } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, skipPacts: false, runs: 40, timeoutMs: 1000 });
      expect(report.pacts.filter((p) => !p.passed).map((p) => `${p.description}: ${p.message ?? ''}`)).to.deep.equal([]);
      expect(summary.pacts).to.include({ ran: true, passed: true });
      expect(failedChecks(report)).to.deep.equal([]);
      expect(exitCode).to.equal(0);
    } finally {
      await provider.close();
    }
  });
});
