import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { runCli } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/pacts/', import.meta.url));
const fixture = (name: string): string => `${FIXTURES}${name}.json`;

describe('cli: check-pact', () => {
  it('exit 0 for the committed pacts/ (the default), showing the contract defects; 1 with --strict-contract', async () => {
    const [plain, strict] = await Promise.all([runCli(['check-pact']), runCli(['check-pact', '--strict-contract', 'pacts/'])]);
    expect(plain.code, plain.stderr).to.equal(0);
    expect(plain.stdout).to.contain('pacts/stigg-contract-client-stigg-api.json (stigg-contract-client → stigg-api, 12 interactions)');
    expect(plain.stdout).to.match(/1 pact file, 12 interactions: 0 violations, 8 contract defects, 0 warnings\n?$/);
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

  it('exit 2 for unusable input, each named on stderr; --json prints the whole report', async () => {
    const run = await runCli(['check-pact', '--json', fixture('other-provider'), fixture('malformed'), fixture('wrong-type')]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('other-provider.json: a pact for provider "billing-api", not "stigg-api"');
    expect(run.stderr).to.match(/malformed\.json: not JSON/);
    const report = JSON.parse(run.stdout) as { findings: { pointer: string }[]; unusable: unknown[] };
    expect(report.findings.map((finding) => finding.pointer)).to.deep.equal(['/data/id']);
    expect(report.unusable).to.have.length(2);
  });
});
