import { expect } from 'chai';
import { startVariantProvider } from '../../fixtures/providers/proxy.js';
import { failedChecks, runVerify } from './helpers.js';
import { coverageLine } from '../../../src/report/index.js';

describe('verify against the reference provider', function () {
  this.timeout(60_000);

  it('is clean, end to end, pacts included (embedded default)', async () => {
    const { report, exitCode, summary } = await runVerify({ runs: 200, skipPacts: false });
    expect(failedChecks(report)).to.deep.equal([]);
    expect(exitCode).to.equal(0);
    expect(summary.pacts).to.include({ ran: true, passed: true });
    expect(report.pacts.length).to.be.at.least(12);
    // Only the contract's own defects are found, as contract defects.
    expect(report.findings.every((group) => group.kind !== 'violation')).to.equal(true);
    // Every documented status was produced, so a green run hides nothing.
    expect(coverageLine(report.coverage, 'statuses')?.notCovered).to.deep.equal([]);
    // With a working state URL nothing is skipped: the systematic path edges sent on ids no state set up are not
    // the data checks' business (not applicable, with the reason), so no skip line asks for a state URL there is.
    expect(report.checks.filter((check) => check.skipped > 0).map((check) => `${check.id}: ${check.skipReasons[0]?.reason ?? ''}`)).to.deep.equal([]);
    // Every code a situation of this operation calls for was produced; the rest of the API-wide enums is counted.
    for (const status of [400, 401, 403, 404, 429]) expect(coverageLine(report.coverage, `${status} codes`)?.notCovered, `${status} codes`).to.deep.equal([]);
    expect(coverageLine(report.coverage, '400 codes')?.otherDocumented).to.be.greaterThan(100);
  });

  it('is clean through the pass-through proxy too (the broken providers start from a correct baseline)', async () => {
    const provider = await startVariantProvider({}, 'baseline-key');
    try {
      const { report, exitCode } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: 'baseline-key', runs: 40 });
      expect(failedChecks(report)).to.deep.equal([]);
      expect(exitCode).to.equal(0);
    } finally {
      await provider.close();
    }
  });

  it('fails the pact phase for a provider that answers 201', async () => {
    const provider = await startVariantProvider({ response: (_seen, answer) => (answer.status === 200 ? { ...answer, status: 201 } : answer) }, 'pact-key');
    try {
      const { report, summary } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: 'pact-key', skipPacts: false, runs: 20 });
      expect(summary.pacts).to.include({ ran: true, passed: false });
      expect(report.pacts.filter((p) => !p.passed).map((p) => p.message)).to.satisfy((messages: string[]) => messages.some((m) => /expected 200 but was 201/.test(m)));
    } finally {
      await provider.close();
    }
  });
});
