import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { exitCodeOf, formatJson, formatJunit, mergeReports, parseReport, type Report, type VerifyReport } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { sampleReport } from './fixtures.js';
import { assertWellFormed } from './xml.js';

/** The sample report as shard `index` of `count`, its random phase's seed 42 + index - 1. */
async function shard(index: number, count: number): Promise<VerifyReport> {
  const report = await sampleReport({ shard: { index, count }, seeds: [42 + index - 1] });
  return report;
}

describe('report merge', () => {
  it('deduplicates findings by check and signature (counts add up), adds up tallies and coverage, lists seeds and shards', async () => {
    const [one, two] = [await shard(1, 2), await shard(2, 2)];
    const merged = mergeReports([one, two]);
    expect(merged.findings.map((group) => [group.check, group.signature, group.count])).to.deep.equal(one.findings.map((group) => [group.check, group.signature, group.count * 2]));
    expect(merged.totals).to.deep.equal({ exchanges: one.totals.exchanges * 2, violations: one.totals.violations * 2, contractDefects: one.totals.contractDefects * 2, warnings: one.totals.warnings * 2, contractDrift: 0, pactFailures: 2, judged: (one.totals.judged ?? 0) * 2 });
    const passed = (report: Report, id: string): number | undefined => report.checks.find((check) => check.id === id)?.passed;
    expect(passed(merged, 'not_a_server_error')).to.equal((passed(one, 'not_a_server_error') ?? 0) * 2);
    const statuses = (report: Report): unknown => report.coverage.find((line) => line.name === 'statuses')?.seen;
    expect(statuses(merged)).to.deep.equal((statuses(one) as Array<{ value: string; count: number }>).map(({ value, count }) => ({ value, count: count * 2 })));
    expect(merged.meta.seeds).to.deep.equal([42, 43]);
    expect(merged.meta.merged).to.deep.equal({ reports: 2, shards: ['1/2', '2/2'], missing: [] });
    expect(merged.meta.durationMs).to.equal(1234);
    expect(exitCodeOf(merged)).to.equal(1);
  });

  it('adds up the confirmations of one problem found in several shards', async () => {
    const one = await shard(1, 2);
    const two = await shard(2, 2);
    const [first] = one.findings;
    if (!first) throw new Error('no finding in the sample');
    const confirmed = (report: VerifyReport, reproduced: number): Report => ({ ...report, findings: report.findings.map((group, index) => (index === 0 ? { ...group, confirmed: { reproduced, of: 2 } } : group)) });
    const merged = mergeReports([confirmed(one, 2), confirmed(two, 1)]);
    expect(merged.findings[0]?.confirmed).to.deep.equal({ reproduced: 3, of: 4 });
  });

  it('a missing shard makes the merge no whole run (exit 2); a shard given twice, or shards of different counts, are refused', async () => {
    const partial = mergeReports([await shard(1, 3), await shard(3, 3)]);
    expect(partial.meta.merged?.missing).to.deep.equal(['2/3']);
    expect(partial.aborted?.reason).to.contain('shard 2/3 missing');
    expect(exitCodeOf(partial)).to.equal(2);
    const twice = await shard(1, 2);
    expect(() => mergeReports([twice, twice], ['a.json', 'b.json'])).to.throw(/shard 1\/2 is given twice \(a\.json and b\.json\)/);
    const [half, third] = [await shard(1, 2), await shard(1, 3)];
    expect(() => mergeReports([half, third])).to.throw(/shards of one run share their count/);
    expect(() => mergeReports([])).to.throw(/at least one/);
  });

  it('reads back what it writes: the merged JSON parses, each shard\'s JUnit is well-formed on its own and names its shard', async () => {
    const one = await shard(1, 2);
    const merged = mergeReports([one, await shard(2, 2)]);
    expect(parseReport(formatJson(merged))).to.deep.equal(JSON.parse(formatJson(merged)));
    const junit = formatJunit(one);
    assertWellFormed(junit);
    expect(junit).to.contain('name="checks (shard 1/2)"').and.to.contain('classname="stigg-contract.checks.shard1of2"');
    assertWellFormed(formatJunit(merged));
  });

  describe('stigg-contract report merge (in-process CLI)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-merge-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('prints the merged report, writes JSON and JUnit, and exits with the merged verdict', async () => {
      const files = [1, 2].map((index) => join(dir, `shard-${index}.json`));
      writeFileSync(files[0] ?? '', formatJson(await shard(1, 2)));
      writeFileSync(files[1] ?? '', formatJson(await shard(2, 2)));
      const json = join(dir, 'merged.json');
      const junit = join(dir, 'merged.xml');
      const run = await runCli(['report', 'merge', ...files, '--report', `json=${json},junit=${junit}`, '--no-color']);
      expect(run.code, run.stderr).to.equal(1);
      expect(run.stdout).to.contain('merged 2 reports: shards 1/2, 2/2; random-phase seeds 42, 43').and.to.contain('FAILED:');
      expect(parseReport(readFileSync(json, 'utf8')).meta.merged?.shards).to.deep.equal(['1/2', '2/2']);
      assertWellFormed(readFileSync(junit, 'utf8'));
    });

    it('exits 2 with one line for a file that is not a report, an unknown action, a missing shard', async () => {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{"nope": true}');
      const notReport = await runCli(['report', 'merge', bad]);
      expect(notReport.code).to.equal(2);
      expect(notReport.stderr).to.match(/bad\.json: not a stigg-contract report/);
      const action = await runCli(['report', 'join', bad]);
      expect(action.code).to.equal(2);
      expect(action.stderr).to.contain('unknown report action "join"');
      const lone = join(dir, 'lone.json');
      writeFileSync(lone, formatJson(await shard(2, 3)));
      const missing = await runCli(['report', 'merge', lone, '--no-color']);
      expect(missing.code).to.equal(2);
      expect(missing.stdout).to.contain('Could not run: shards 1/3, 3/3 missing');
    });
  });
});
