/**
 * Every command that reads the contract, on a document with many operations (test/fixtures/contracts/many-
 * operations.yaml): with --operation naming the shipped operation, without it (the shipped operation is the
 * default), and naming one the harness cannot test (exit 2, saying why).
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { runCli } from '../helpers/cli.js';

const MANY = fileURLToPath(new URL('../fixtures/contracts/many-operations.yaml', import.meta.url));
const PACTS = fileURLToPath(new URL('../fixtures/pacts/', import.meta.url));
const OP = ['--contract', MANY, '--operation', 'CustomerIntegrationsController_updateIntegration'];
const RESPONSE = JSON.stringify({ status: 200, headers: { 'content-type': 'application/json' }, body: { data: { id: 'i', vendorIdentifier: 'NOPE', syncedEntityId: null, syncData: null } } });
const CLIENT = "const r = await fetch(process.env.STIGG_BASE_URL + '/api/v1/customers/acme/integrations/int-1', { method: 'PATCH', headers: { 'x-api-key': 'k', 'content-type': 'application/json' }, body: '{\"syncedEntityId\":\"x\"}' }); if (r.status !== 200) process.exit(1);";

describe('cli: every command on a many-operation document', function () {
  this.timeout(60_000);

  it('lint: every operation, and those the harness cannot test with the reason; --operation lints one', async () => {
    const all = await runCli(['lint', '--contract', MANY]);
    expect(all.code).to.equal(0);
    expect(all.stdout.match(/harness-limits \[warning\] .*: the harness cannot test it: /g)).to.have.length(5);
    expect(all.stdout).to.contain('multipart/form-data only').and.contain('query parameters (limit, after)');
    const one = await runCli(['lint', ...OP, '--json']);
    const parsed = JSON.parse(one.stdout) as { findings: { check: string; count: number }[] };
    const rules = parsed.findings.flatMap((group) => Array<string>(group.count).fill(group.check));
    expect(rules).to.have.members(['overlapping-one-of', 'overlapping-one-of', 'overlapping-one-of', 'nullable-without-type', ...Array<string>(5).fill('nullable-enum-without-null'), 'empty-path-parameter']);
    const unmodelled = await runCli(['lint', '--contract', MANY, '--operation', 'ImportController_upload']);
    expect(unmodelled.code).to.equal(2);
    expect(unmodelled.stderr).to.match(/cannot be modelled: the request body .* multipart\/form-data only/);
  });

  it('validate and sample: the shipped operation with --operation or by default; an untestable one exits 2', async () => {
    for (const flags of [OP, ['--contract', MANY]]) {
      const validate = await runCli(['validate', 'response', ...flags], { input: RESPONSE });
      expect(validate.code, flags.join(' ')).to.equal(1);
      expect(validate.stdout).to.contain('violation  response:200  /data/vendorIdentifier  enum');
    }
    const other = await runCli(['validate', 'request', '--contract', MANY, '--operation', 'POST /api/v1/customers'], { input: JSON.stringify({ method: 'POST', path: '/api/v1/customers', headers: { 'x-api-key': 'k', 'content-type': 'application/json' }, body: { id: 'c1', email: null } }) });
    expect([other.code, other.stdout.trim()]).to.deep.equal([0, 'verdict: valid']);
    const sample = await runCli(['sample', 'body', ...OP, '-n', '3', '--seed', '2']);
    expect([sample.code, sample.stdout.trim().split('\n').length]).to.deep.equal([0, 3]);
    const untestable = await runCli(['sample', 'body', '--contract', MANY, '--operation', 'CustomersController_list']);
    expect(untestable.code).to.equal(2);
    expect(untestable.stderr).to.contain('cannot be tested: the harness does not send or check query parameters (limit, after) yet');
  });

  it('check-pact and the publish gate hold the pacts to the operation the flag names', async () => {
    const clean = await runCli(['check-pact', ...OP]);
    expect(clean.code).to.equal(0);
    expect(clean.stdout).to.contain('0 violations');
    const gate = await runCli(['publish', `${PACTS}enum-value.json`, ...OP, '--consumer-version', 'v1', '--branch', 'main', '--broker-url', 'http://127.0.0.1:9']);
    expect(gate.code).to.equal(1);
    expect(gate.stderr).to.contain('not published: the pacts break the contract');
    const refused = await runCli(['check-pact', '--contract', MANY, '--operation', 'GET /api/v1/customers/{id}']);
    expect(refused.code).to.equal(2);
    expect(refused.stderr).to.contain('cookie parameters (session)');
  });

  it('mock and verify run the shipped operation of the document', async () => {
    const mock = await runCli(['mock', ...OP, '--seed', '4', '--', process.execPath, '--input-type=module', '-e', CLIENT]);
    expect(mock.code, mock.stdout + mock.stderr).to.equal(0);
    const verify = await runCli(['verify', ...OP, '--runs', '5', '--seed', '3', '--no-color'], { timeoutMs: 60_000 });
    expect(verify.code, verify.stdout.slice(-2000) + verify.stderr).to.equal(0);
    expect(verify.stdout).to.contain('PASSED');
  });
});
