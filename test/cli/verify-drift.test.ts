/** `verify --contract-next FILE [--fail-on-drift]`: drift told apart on the command line, in every report it writes. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { AIRWALLEX_FIXTURE, nextVersionProvider } from '../fixtures/providers/next-version.js';
import { startVariantProvider, type VariantProvider } from '../fixtures/providers/proxy.js';
import { runCli } from '../helpers/cli.js';

const NEXT = fileURLToPath(new URL('../fixtures/contracts/stigg-api-7.65.0.openapi.yaml', import.meta.url));
const MANY = fileURLToPath(new URL('../fixtures/contracts/many-operations.yaml', import.meta.url));
const CLIENT = fileURLToPath(new URL('../fixtures/broken-clients/cli-client.mjs', import.meta.url));
const API_KEY = 'sk_test_drift_cli_0123456789';

describe('cli: verify --contract-next', function () {
  this.timeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'verify-drift-'));
  // No pacts: phase 1 is skipped (the provider's pacts are not what this is about).
  const pacts = mkdtempSync(join(tmpdir(), 'verify-drift-pacts-'));
  let provider: VariantProvider;
  beforeEach(async () => {
    provider = await startVariantProvider(nextVersionProvider(), API_KEY);
  });
  afterEach(async () => provider.close());
  after(() => [dir, pacts].forEach((made) => rmSync(made, { recursive: true, force: true })));
  const args = (): string[] => ['verify', '--base-url', provider.url, '--state-url', provider.stateUrl, '--api-key', API_KEY, '--fixture', `${AIRWALLEX_FIXTURE.customerId}/${AIRWALLEX_FIXTURE.integrationId}`, '--runs', '20', '--seed', '5', '--pacts', pacts, '--no-color'];

  it('reports AIRWALLEX as contract drift naming both versions, in the console, JSON and JUnit; exit 0', async () => {
    const json = join(dir, 'report.json');
    const junit = join(dir, 'junit.xml');
    const run = await runCli([...args(), '--contract-next', NEXT, '--report', `json=${json},junit=${junit}`]);
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^contract Stigg API 7\.64\.2 \(/m).and.to.match(/^next contract Stigg API 7\.65\.0 \(/m);
    expect(run.stdout).to.contain('[contract-drift] 200 body: /data/vendorIdentifier must be equal to one of the allowed values (12 allowed values); Stigg API 7.64.2 forbids it, Stigg API 7.65.0 allows it');
    expect(run.stdout).to.match(/PASSED: 0 violations, .* contract drift \(not failing without --fail-on-drift\)/);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { meta: { nextContract: { version: string } }; totals: { contractDrift: number; violations: number } };
    expect(report.meta.nextContract.version).to.equal('7.65.0');
    expect(report.totals.violations).to.equal(0);
    expect(report.totals.contractDrift).to.be.greaterThan(0);
    expect(readFileSync(junit, 'utf8')).to.contain('<property name="nextContract" value="Stigg API 7.65.0');
    expect(run.stdout + run.stderr).to.not.contain(API_KEY);
  });

  it('with --fail-on-drift the same run fails: exit 1', async () => {
    const run = await runCli([...args(), '--contract-next', NEXT, '--fail-on-drift']);
    expect(run.code, run.stdout + run.stderr).to.equal(1);
    expect(run.stdout).to.match(/FAILED: 0 violations, .* contract drift, /);
  });

  it('--fail-on-drift without --contract-next could not run: exit 2 before any request', async () => {
    const run = await runCli([...args(), '--fail-on-drift']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('--fail-on-drift');
    expect(run.stderr).to.contain('--contract-next');
  });

  it('on a many-operation document, --operation picks the operation in both versions (verify, mock)', async () => {
    const op = ['--contract', MANY, '--operation', 'CustomerIntegrationsController_updateIntegration', '--contract-next', NEXT];
    const verify = await runCli(['verify', ...op, '--runs', '5', '--seed', '3', '--pacts', pacts, '--no-color'], { timeoutMs: 60_000 });
    expect(verify.code, verify.stdout.slice(-2000) + verify.stderr).to.equal(0);
    expect(verify.stdout).to.match(/^next contract Stigg API 7\.65\.0 \(/m);
    const mock = await runCli(['mock', ...op, '--seed', '4', '--', process.execPath, CLIENT, 'clean'], { env: { STIGG_API_KEY: API_KEY } });
    expect(mock.code, mock.stdout + mock.stderr).to.equal(0);
    expect(mock.stdout).to.contain('drift (values only Stigg API 7.65.0 allows, served ahead of it): met /data/vendorIdentifier AIRWALLEX ×1');
    const unknown = await runCli(['verify', '--contract-next', MANY, '--operation', 'CustomersController_list', '--runs', '5']);
    expect(unknown.code).to.equal(2);
  });

  it('an unreadable --contract-next could not run: exit 2, naming the file', async () => {
    const run = await runCli([...args(), '--contract-next', join(dir, 'missing.yaml')]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('missing.yaml');
  });
});
