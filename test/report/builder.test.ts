import { expect } from 'chai';
import { messageShape } from '../../src/report/builder.js';
import { exitCodeOf } from '../../src/report/exit-code.js';
import { createCoverage } from '../../src/report/coverage.js';
import { coverageLine, findingSignature, mergeCoverage } from '../../src/report/model.js';
import { checkContext } from '../checks/fixtures.js';
import { sampleExchanges, sampleReport } from './fixtures.js';

describe('report builder', () => {
  it('records run metadata and totals', async () => {
    const report = await sampleReport();
    expect(report.meta).to.include({ baseUrl: 'http://127.0.0.1:4010', seed: 42, runs: 8, durationMs: 1234, strictContract: false, contractVersion: '7.64.2' });
    expect(report.meta.operation).to.equal('PATCH /api/v1/customers/{id}/integrations/{integrationId}');
    expect(report.totals.exchanges).to.equal(8);
    expect(report.totals.pactFailures).to.equal(1);
    expect(report.totals.violations).to.be.greaterThan(0);
    expect(report.totals.contractDefects).to.be.greaterThan(0);
    expect(report.totals.warnings).to.be.greaterThan(0);
  });

  it('tallies passed, failed, skipped (with reasons) and n/a per check, in table order', async () => {
    const report = await sampleReport();
    expect(report.checks[0]?.id).to.equal('not_a_server_error');
    const server = report.checks.find((c) => c.id === 'not_a_server_error');
    expect(server).to.include({ passed: 6, failed: 2, skipped: 0, notApplicable: 0 });
    const valid = report.checks.find((c) => c.id === 'valid_input_accepted');
    expect(valid?.skipReasons[0]?.reason).to.contain('no provider state or fixture');
    expect(valid?.skipReasons[0]?.count).to.equal(1);
  });

  it('deduplicates findings of the same check and message shape, with a count and a reproducer', async () => {
    const report = await sampleReport();
    const server = report.findings.filter((group) => group.check === 'not_a_server_error');
    expect(server).to.have.length(1);
    expect(server[0]?.count).to.equal(2);
    expect(server[0]?.finding.reproducer?.curl).to.match(/^curl --globoff --path-as-is -X PATCH /);
    expect(server[0]?.finding.reproducer?.replay).to.equal('--seed 42 --path 3:1');
    expect(messageShape('code "A" for 12345 at 404')).to.equal(messageShape('code "B" for 67890 at 404'));
    expect(messageShape('answered 404')).to.not.equal(messageShape('answered 500'));
  });

  it('lists what was and was not covered, as named lines; success shapes through the one response-shape model', async () => {
    const { coverage } = await sampleReport();
    const line = (name: string) => coverageLine(coverage, name);
    expect(line('statuses')?.seen.map((s) => s.value)).to.include.members(['200', '400', '404', '500']);
    expect(line('statuses')?.notCovered).to.deep.equal(['401', '403', '429']);
    expect(line('statuses')?.undocumented).to.deep.equal(['500']);
    expect(line('404 codes')?.seen).to.deep.equal([{ value: 'null', count: 1 }]);
    expect(line('404 codes')?.notCovered).to.include('CustomerNotFound');
    expect(line('/data/vendorIdentifier')?.seen[0]).to.deep.equal({ value: 'STRIPE', count: 5 });
    expect(line('/data/vendorIdentifier')?.notCovered).to.include('HUBSPOT');
    expect(line('/data/syncData branches')?.seen.map((s) => s.value)).to.include.members(['SyncRevisionMarketplaceData', 'null']);
    expect(line('/data/syncData branches')?.notCovered).to.include('SyncRevisionBillingData').and.include('absent');
    expect(line('/data/syncedEntityId types')?.notCovered).to.deep.equal(['null']);
    const { name: _name, ...tags } = line('invalid-input tags') ?? { name: '' };
    expect(tags).to.deep.equal({ seen: [{ value: 'body/syncedEntityId:maxLength', count: 1 }], notCovered: ['path/id:pattern', 'body:additionalProperties'] });
    expect(coverage.map((l) => l.name)).to.deep.equal(['statuses', '400 codes', '401 codes', '403 codes', '404 codes', '429 codes', '/data/vendorIdentifier', '/data/syncedEntityId types', '/data/syncData branches', 'invalid-input tags', 'edge classes',
      'router edges', 'parser edges', 'validator edges', 'coercion edges', 'store edges', 'serializer edges', 'auth edges', 'state edges']);
  });

  it('is mergeable: a stable signature per finding group, and coverage that adds up across runs', async () => {
    const [first, second] = [await sampleReport(), await sampleReport({ seed: 43 })];
    expect(first.findings.map(findingSignature)).to.deep.equal(second.findings.map(findingSignature));
    expect(new Set(first.findings.map(findingSignature)).size).to.equal(first.findings.length);
    expect(findingSignature(first.findings[0] ?? { check: '', kind: 'warning', shape: '' })).to.match(/^[0-9a-f]{16}$/);
    const merged = mergeCoverage([first.coverage, second.coverage]);
    const statuses = coverageLine(merged, 'statuses');
    expect(statuses?.seen.find((count) => count.value === '200')?.count).to.equal(2 * (coverageLine(first.coverage, 'statuses')?.seen.find((count) => count.value === '200')?.count ?? 0));
    expect(statuses?.notCovered).to.deep.equal(['401', '403', '429']);
    expect(statuses?.undocumented).to.deep.equal(['500']);
    // A value one run saw is covered in the merge, though the other run missed it.
    const seen401 = [{ name: 'statuses', seen: [{ value: '401', count: 1 }], notCovered: ['403'] }];
    expect(coverageLine(mergeCoverage([first.coverage, seen401]), 'statuses')?.notCovered).to.deep.equal(['403']);
  });

  it('lists the edge catalogue by layer: each layer\'s kinds that ran, with their exchanges, and those that did not', async () => {
    const context = await checkContext();
    const coverage = createCoverage(context.contract);
    const [sample] = sampleExchanges();
    if (!sample) throw new Error('no sample exchange');
    for (const edgeKind of ['store/case-neighbours', 'store/case-neighbours', 'auth/near-miss-keys']) coverage.observe({ ...sample, edgeClass: 'x', edgeKind });
    const lines = coverage.snapshot().filter((line) => line.name.endsWith(' edges'));
    expect(lines.map((line) => line.name)).to.deep.equal(['router edges', 'parser edges', 'validator edges', 'coercion edges', 'store edges', 'serializer edges', 'auth edges', 'state edges']);
    const store = coverageLine(lines, 'store edges');
    expect(store?.seen).to.deep.equal([{ value: 'case-neighbours', count: 2 }]);
    expect(store?.notCovered).to.include.members(['wildcard-neighbours', 'side-by-side-twins', 'runtime-names']);
    expect(store?.notCovered).not.to.include('case-neighbours');
    expect(coverageLine(lines, 'state edges')?.notCovered).to.deep.equal(['teardown']);
  });

  it('maps reports to exit codes: 0 clean, 1 violations, 2 could not run; defects fail only when strict', async () => {
    const report = await sampleReport();
    expect(exitCodeOf(report)).to.equal(1);
    const defectsOnly = { ...report, totals: { ...report.totals, violations: 0, pactFailures: 0 } };
    expect(exitCodeOf(defectsOnly)).to.equal(0);
    expect(exitCodeOf(defectsOnly, { strictContract: true })).to.equal(1);
    expect(exitCodeOf({ ...defectsOnly, meta: { ...report.meta, strictContract: true } })).to.equal(1);
    expect(exitCodeOf({ ...report, aborted: { reason: 'provider unreachable' } })).to.equal(2);
  });
});
