import { expect } from 'chai';
import { mergeCoverage, mergeReports, type Report } from '../../../src/report/index.js';
import { verify, type VerifyResult } from '../../../src/verify.js';
import type { VerifyOptions } from '../../../src/runners/verify/options.js';
import { BROKEN } from '../../fixtures/providers/broken.js';
import { startVariantProvider, type VariantProvider } from '../../fixtures/providers/proxy.js';

const KEY = 'shards-test-key';
const SHARDS = 3;

const run = (provider: VariantProvider, options: VerifyOptions): Promise<VerifyResult> =>
  verify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: KEY, timeoutMs: 2000, concurrency: 4, skipPacts: true, failures: false, ...options });

/** What "the same findings" means: each distinct problem (check and signature) and how often it was seen. */
const findingsOf = (report: Report): string[] => report.findings.map((group) => `${group.check} ${group.kind} ${group.signature} ×${group.count}`).sort();

describe('verify --shard i/n', function () {
  this.timeout(180_000);

  it('n shards merged equal one unsharded run over the same seeds: the same findings, the same coverage', async () => {
    const broken = BROKEN.find((b) => b.id === 'crash-on-null');
    const provider = await startVariantProvider(broken?.make(KEY) ?? {}, KEY);
    try {
      // Shrinking is bounded in time (it would stop at another case under load): the comparison leaves it out.
      const settings: VerifyOptions = { seed: 21, runs: 60, shrinkMs: 0 };
      const whole = await run(provider, { ...settings, randomSeeds: SHARDS });
      const shards: VerifyResult[] = [];
      for (let index = 1; index <= SHARDS; index++) shards.push(await run(provider, { ...settings, shard: `${index}/${SHARDS}` }));
      expect(shards.map((shard) => shard.report.meta.shard)).to.deep.equal([1, 2, 3].map((index) => ({ index, count: SHARDS })));
      expect(shards.map((shard) => shard.report.meta.seeds)).to.deep.equal([[21], [22], [23]]);
      expect(whole.report.meta.seeds).to.deep.equal([21, 22, 23]);
      // Each systematic case was sent by exactly one shard.
      expect(shards.reduce((sum, shard) => sum + (shard.systematic?.cases ?? 0), 0)).to.equal(whole.systematic?.cases);
      expect(shards.every((shard) => (shard.systematic?.cases ?? 0) > 0)).to.equal(true);
      const merged = mergeReports(shards.map((shard) => shard.report));
      expect(findingsOf(whole.report).length).to.be.above(0);
      expect(findingsOf(merged)).to.deep.equal(findingsOf(whole.report));
      expect(merged.coverage).to.deep.equal(mergeCoverage([whole.report.coverage]));
      expect(merged.totals).to.deep.equal(whole.report.totals);
      expect(merged.meta.merged).to.deep.equal({ reports: SHARDS, shards: ['1/3', '2/3', '3/3'], missing: [] });
    } finally {
      await provider.close();
    }
  });

  it('n shards at the same time against one correct provider give no finding (pacts in shard 1 only)', async () => {
    const provider = await startVariantProvider({}, KEY);
    try {
      const shards = await Promise.all([1, 2, 3].map((index) => run(provider, { seed: 31, runs: 80, shard: `${index}/${SHARDS}`, skipPacts: false })));
      for (const shard of shards) {
        const violations = shard.report.findings.filter((group) => group.kind === 'violation').map((group) => `${group.check}: ${group.finding.message}`);
        expect(violations, `shard ${shard.report.meta.shard?.index}`).to.deep.equal([]);
        expect(shard.exitCode).to.equal(0);
      }
      expect(shards.map((shard) => shard.pacts.ran)).to.deep.equal([true, false, false]);
      expect(shards.map((shard) => shard.phases.find((phase) => phase.phase === 'states')?.ran)).to.deep.equal([true, false, false]);
      expect(mergeReports(shards.map((shard) => shard.report)).meta.merged?.missing).to.deep.equal([]);
    } finally {
      await provider.close();
    }
  });

  it('two independent runs with other seeds at the same time give no finding either (own customers tagged, edge records the same)', async () => {
    const provider = await startVariantProvider({}, KEY);
    try {
      const runs = await Promise.all([41, 42].map((seed) => run(provider, { seed, runs: 80 })));
      for (const result of runs) expect(result.report.findings.filter((group) => group.kind === 'violation').map((group) => `${group.check}: ${group.finding.message}`)).to.deep.equal([]);
    } finally {
      await provider.close();
    }
  });
});
