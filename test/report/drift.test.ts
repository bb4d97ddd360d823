/**
 * Contract drift in the report: every writer names the contract by title and version, and the next version when the
 * findings were judged against one; drift is counted apart, and fails a run only with failOnDrift.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { CHECKS, createCheckContext, judgeDrift, runChecks } from '../../src/checks/index.js';
import { createReportBuilder, exitCodeOf, formatConsole, formatJson, formatJunit, parseReport, type VerifyReport } from '../../src/report/index.js';
import { contractVersionOf } from '../../src/report/verdict.js';
import { openContract } from '../../src/validators/index.js';
import { checkContext, exchange, ok } from '../checks/fixtures.js';
import { sampleReport } from './fixtures.js';
import { runCli } from '../helpers/cli.js';

const NEXT = fileURLToPath(new URL('../fixtures/contracts/stigg-api-7.65.0.openapi.yaml', import.meta.url));

/** One AIRWALLEX answer, judged against 7.65.0 as the next version. */
async function driftReport(failOnDrift = false): Promise<VerifyReport> {
  const pinned = await checkContext();
  const next = await openContract(NEXT);
  const judge = { checks: CHECKS, pinned, next: createCheckContext(next) };
  const builder = createReportBuilder({ contract: pinned.contract, checks: CHECKS, baseUrl: 'http://127.0.0.1:4010', nextContract: contractVersionOf(next), failOnDrift });
  const airwallex = exchange(ok('cus_123', undefined, { vendorIdentifier: 'AIRWALLEX' }), { scenario: { kind: 'existing', customerId: 'acme-corp', integrationId: 'stripe-main' } });
  builder.onExchange(airwallex, judgeDrift(judge, airwallex, runChecks(CHECKS, pinned, airwallex)));
  return builder.build(10);
}

describe('report: the contract named by title and version, and contract drift', () => {
  it('every writer names the contract by title and version', async () => {
    const report = await sampleReport();
    expect(report.meta).to.include({ contractTitle: 'Stigg API', contractVersion: '7.64.2' });
    expect(formatConsole(report)).to.match(/^contract Stigg API 7\.64\.2 \(.*stigg-api\.openapi\.yaml\)/m);
    expect(formatJunit(report)).to.match(/<property name="contract" value="Stigg API 7\.64\.2 \(.*stigg-api\.openapi\.yaml\)"\/>/);
    expect(JSON.parse(formatJson(report)).meta).to.include({ contractTitle: 'Stigg API', contractVersion: '7.64.2' });
    expect(formatConsole(report)).to.not.contain('contract drift');
  });

  it('so do the reports of lint and check-pact (and the mock\'s, from the same contractMeta)', async () => {
    for (const command of [['lint', '--json'], ['check-pact', '--json']]) {
      const run = await runCli(command);
      expect((JSON.parse(run.stdout) as { meta: Record<string, unknown> }).meta, command[0]).to.include({ contractTitle: 'Stigg API', contractVersion: '7.64.2' });
    }
  });

  it('drift is counted apart, named with both versions, and does not fail the run', async () => {
    const report = await driftReport();
    expect(report.totals).to.include({ violations: 0, contractDrift: 1 });
    expect(report.checks.find((check) => check.id === 'response_schema')?.findings['contract-drift']).to.equal(1);
    expect(exitCodeOf(report)).to.equal(0);
    const text = formatConsole(report);
    expect(text).to.match(/^next contract Stigg API 7\.65\.0 \(.*7\.65\.0\.openapi\.yaml\): what only it allows is contract drift \(not failing without --fail-on-drift\)$/m);
    expect(text).to.contain('! response_schema [contract-drift] 200 body: /data/vendorIdentifier must be equal to one of the allowed values (12 allowed values); Stigg API 7.64.2 forbids it, Stigg API 7.65.0 allows it');
    expect(text).to.match(/PASSED: 0 violations, 0 failed pact interactions, 0 contract defects, 1 contract drift \(not failing without --fail-on-drift\), 0 warnings/);
    const xml = formatJunit(report);
    expect(xml).to.match(/<property name="nextContract" value="Stigg API 7\.65\.0 \(.*\)"\/>/);
    expect(xml).to.not.contain('<failure');
    expect(JSON.parse(formatJson(report)).meta.nextContract).to.deep.include({ title: 'Stigg API', version: '7.65.0' });
  });

  it('with failOnDrift, drift fails the run in every writer', async () => {
    const report = await driftReport(true);
    expect(exitCodeOf(report)).to.equal(1);
    expect(exitCodeOf(report, { failOnDrift: false })).to.equal(0);
    expect(formatConsole(report)).to.match(/✗ response_schema \[contract-drift\]/).and.to.match(/FAILED: 0 violations, 0 failed pact interactions, 0 contract defects, 1 contract drift, 0 warnings/);
    expect(formatJunit(report)).to.match(/<failure message="1 finding: 200 body: \/data\/vendorIdentifier[^"]*" type="contract-drift"/);
  });

  it('a JSON report reads back with its drift; one written before drift was counted reads as none', async () => {
    const report = await driftReport();
    expect(parseReport(formatJson(report))).to.deep.equal(JSON.parse(formatJson(report)));
    const old = JSON.parse(formatJson(await sampleReport())) as { totals: Record<string, unknown> };
    delete old.totals['contractDrift'];
    expect(parseReport(JSON.stringify(old)).totals.contractDrift).to.equal(0);
  });
});
