import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { exitCodeOf, isExchangeFinding, parseReport } from '../../src/report/index.js';
import { assertWellFormed } from '../report/xml.js';
import { runCli } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/pacts/', import.meta.url));
const fixture = (name: string): string => `${FIXTURES}${name}.json`;

describe('cli: check-pact', () => {
  it('exit 0 for the committed pacts/ (the default), showing the contract defects; 1 with --strict-contract', async () => {
    const [plain, strict] = await Promise.all([runCli(['check-pact']), runCli(['check-pact', '--strict-contract', 'pacts/'])]);
    expect(plain.code, plain.stderr).to.equal(0);
    expect(plain.stdout).to.contain('pacts/stigg-contract-client-stigg-api.json (stigg-contract-client → stigg-api, 12 interactions)');
    expect(plain.stdout).to.contain('1 pact file, 12 interactions: 0 violations, 8 contract defects, 0 warnings');
    expect(plain.stdout).to.match(/PASSED: 0 violations, 0 of 12 interactions break, 8 contract defects \(not failing without --strict-contract\), 0 warnings\n?$/);
    expect(strict.stdout).to.match(/FAILED: 0 violations, 8 of 12 interactions break, 8 contract defects, 0 warnings\n?$/);
    expect(strict.code).to.equal(1);
  });

  it('exit 1 with each violation: interaction, JSON pointer, and message', async () => {
    const run = await runCli(['check-pact', fixture('loose-enum-matcher'), fixture('undocumented-status')]);
    expect(run.code).to.equal(1);
    expect(run.stdout).to.contain('"an update whose vendorIdentifier is matched by type only"');
    expect(run.stdout).to.contain('response matcher #/interactions/0/response/matchingRules/body/$.data.vendorIdentifier (/data/vendorIdentifier, enum)');
    expect(run.stdout).to.contain('response example #/interactions/0/response/status (status)');
    expect(run.stdout).to.contain('status 418 is not documented');
  });

  it('exit 2 for unusable input, each named on stderr; --json prints the whole report in the shared model', async () => {
    const run = await runCli(['check-pact', '--json', fixture('other-provider'), fixture('malformed'), fixture('wrong-type')]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('other-provider.json: a pact for provider "billing-api", not "stigg-api"');
    expect(run.stderr).to.match(/malformed\.json: not JSON/);
    const report = parseReport(run.stdout);
    expect(report.kind).to.equal('check-pact');
    const locations = report.findings.map((group) => (isExchangeFinding(group.finding) ? '' : group.finding.location));
    expect(locations).to.have.length(1);
    expect(locations[0]).to.match(/wrong-type\.json: response example #\/interactions\/0\/response\/body\/content\/data\/id \(\/data\/id, type\)/);
    expect(report.aborted?.reason).to.match(/^2 inputs could not be checked: .*other-provider\.json: a pact for provider "billing-api"/);
    expect(exitCodeOf(report)).to.equal(2);
  });

  it('--report junit=FILE,json=FILE writes the same report through the shared writers (a test case per check)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-pact-report-'));
    try {
      const run = await runCli(['check-pact', '--report', `junit=${join(dir, 'out', 'pacts.xml')},json=${join(dir, 'pacts.json')}`, fixture('loose-enum-matcher'), fixture('clean')]);
      expect(run.code).to.equal(1);
      const xml = readFileSync(join(dir, 'out', 'pacts.xml'), 'utf8');
      assertWellFormed(xml);
      expect(xml).to.contain('name="stigg-contract check-pact PATCH').and.contain('<testcase classname="stigg-contract.checks" name="pact_examples"/>');
      expect(xml).to.match(/<testcase classname="stigg-contract.checks" name="pact_matchers">\s*<failure message="1 finding: matcher type at \$\.data\.vendorIdentifier admits/);
      const json = parseReport(readFileSync(join(dir, 'pacts.json'), 'utf8'));
      expect({ exchanges: json.totals.exchanges, violations: json.totals.violations, exit: exitCodeOf(json) }).to.deep.equal({ exchanges: 2, violations: 1, exit: 1 });
      const refused = await runCli(['check-pact', '--report', `xml=${join(dir, 'x.xml')}`]);
      expect({ code: refused.code, stdout: refused.stdout }).to.deep.equal({ code: 2, stdout: '' });
      expect(refused.stderr).to.match(/--report takes junit=FILE and\/or json=FILE/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
