/**
 * One black-box run per command, of the built bin (dist/cli/bin.js) as a user runs it: exit code, stdout, stderr.
 * Everything else about the commands runs in-process (test/helpers/cli.ts); serve and mock keep their own black
 * boxes (signals), in test/provider/serve-cli.test.ts and test/runners/mock/cli.test.ts. Every process starts at
 * once, so the suite costs about one start-up.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { startBrokerDouble, type BrokerDouble } from '../fixtures/broker-double.js';
import { spawnCli, type CliRun } from '../helpers/cli.js';
import { brokerEnv, CANARY, PROJECT_PACT, storePact } from '../pact/broker/helpers.js';
import { formatJson } from '../../src/report/index.js';
import { sampleReport } from '../report/fixtures.js';

const RESPONSE = JSON.stringify({ status: 200, headers: { 'content-type': 'application/json' }, body: { data: { id: 'i', vendorIdentifier: 'NOPE', syncedEntityId: null, syncData: null } } });

describe('cli: every command as a black box (the built package)', function () {
  this.timeout(60_000);
  let broker: BrokerDouble;
  let elsewhere: string;
  const runs = new Map<string, Promise<CliRun>>();
  const result = async (name: string): Promise<CliRun> => {
    const run = await (runs.get(name) ?? Promise.reject(new Error(name)));
    expect(`${run.stdout}${run.stderr}`, name).not.to.include(CANARY);
    return run;
  };

  before(async () => {
    broker = await startBrokerDouble({ auth: { token: CANARY } });
    await storePact(broker, PROJECT_PACT, 'v0');
    elsewhere = await mkdtemp(join(tmpdir(), 'stigg-contract-elsewhere-'));
    const env = brokerEnv(broker);
    runs.set('help', spawnCli(['--help']));
    runs.set('version', spawnCli(['--version']));
    runs.set('lint', spawnCli(['lint']));
    runs.set('validate', spawnCli(['validate', 'response'], { input: RESPONSE }));
    runs.set('sample', spawnCli(['sample', 'slug', '-n', '3', '--seed', '1']));
    runs.set('check-pact', spawnCli(['check-pact']));
    runs.set('diff', spawnCli(['diff', 'contracts/stigg-api.openapi.yaml', 'test/fixtures/contracts/stigg-api-7.65.0.openapi.yaml', '--format', 'json']));
    // From a directory without pacts/: the pact child must resolve everything from the package, and use its pacts.
    runs.set('verify', spawnCli(['verify', '--runs', '5', '--seed', '1', '--no-color'], { cwd: elsewhere, timeoutMs: 55_000 }));
    runs.set('publish', spawnCli(['publish', PROJECT_PACT, '--consumer-version', 'v1', '--branch', 'main'], { env }));
    runs.set('can-i-deploy', spawnCli(['can-i-deploy', '--pacticipant', 'stigg-contract-client', '--version', 'v0'], { env }));
    runs.set('record-deployment', spawnCli(['record-deployment', '--pacticipant', 'stigg-contract-client', '--version', 'v0', '--environment', 'test'], { env }));
    runs.set('record-release', spawnCli(['record-release', '--pacticipant', 'stigg-contract-client', '--version', 'v0', '--environment', 'production'], { env }));
    const shards = [1, 2].map((index) => join(elsewhere, `shard-${index}.json`));
    for (const [index, file] of shards.entries()) await writeFile(file, formatJson(await sampleReport({ shard: { index: index + 1, count: 2 }, seeds: [7 + index] })));
    runs.set('report', spawnCli(['report', 'merge', ...shards, '--no-color']));
  });
  after(async () => {
    await Promise.allSettled(runs.values());
    await broker.close();
    await rm(elsewhere, { recursive: true, force: true });
  });

  it('--help lists every command; --version prints the version', async () => {
    const help = await result('help');
    expect(help.code).to.equal(0);
    for (const command of ['lint', 'validate', 'sample', 'serve', 'mock', 'verify', 'check-pact', 'report', 'diff', 'publish', 'can-i-deploy', 'record-deployment', 'record-release']) {
      expect(help.stdout).to.match(new RegExp(`^  ${command} `, 'm'));
    }
    expect((await result('version')).stdout.trim()).to.match(/^\d+\.\d+\.\d+$/);
  });

  it('lint, validate, sample, check-pact, diff', async () => {
    const lint = await result('lint');
    expect([lint.code, lint.stderr]).to.deep.equal([0, '']);
    expect(lint.stdout).to.include('nullable-without-type');
    const validate = await result('validate');
    expect(validate.code).to.equal(1);
    expect(validate.stdout).to.include('violation  response:200  /data/vendorIdentifier  enum');
    const sample = await result('sample');
    expect([sample.code, sample.stdout.trim().split('\n').length]).to.deep.equal([0, 3]);
    const checkPact = await result('check-pact');
    expect(checkPact.code).to.equal(0);
    expect(checkPact.stdout).to.include('0 violations');
    const diff = await result('diff');
    expect([diff.code, diff.stderr]).to.deep.equal([1, '']);
    expect((JSON.parse(diff.stdout) as { totals: unknown }).totals).to.deep.equal({ breaking: 4, warning: 2, info: 8 });
  });

  it('verify from another directory: the compiled pact child, the shipped pacts (said so), exit 0', async () => {
    const verify = await result('verify');
    expect(verify.code, verify.stderr).to.equal(0);
    expect(verify.stdout).to.include(`No pacts/ in ${elsewhere}: verifying the pacts shipped with stigg-contract`);
    expect(verify.stdout).to.include('Pact interactions (12/12 passed)').and.include('PASSED');
  });

  it('report merge: the shards\' reports as one, exit 1 for their violations', async () => {
    const merged = await result('report');
    expect([merged.code, merged.stderr]).to.deep.equal([1, '']);
    expect(merged.stdout).to.include('merged 2 reports: shards 1/2, 2/2; random-phase seeds 7, 8').and.include('FAILED:');
  });

  it('publish, can-i-deploy, record-deployment, record-release against the broker double', async () => {
    const publish = await result('publish');
    expect(publish.code, publish.stderr).to.equal(0);
    expect(publish.stdout).to.include('Pact published for stigg-contract-client version v1 and provider stigg-api.');
    const canIDeploy = await result('can-i-deploy');
    expect(canIDeploy.code).to.equal(1);
    expect(canIDeploy.stdout).to.include('deployable: no');
    for (const name of ['record-deployment', 'record-release']) {
      const run = await result(name);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.match(/Recorded (deployment|release) of stigg-contract-client version v0/);
    }
  });
});
