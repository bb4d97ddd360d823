import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { BrokerClient, publishPacts, readPactFile } from '../../../src/pact/broker/index.js';
import { startBrokerDouble, type BrokerDouble } from '../../fixtures/broker-double.js';
import { CANARY, closedPortUrl, fixture, PACT_A, PACT_B, runCli, type CliRun } from './helpers.js';

const SECRETS = [CANARY, Buffer.from(`ci:${CANARY}`).toString('base64')];

/** Publishes the fixture pact as v1 through the library (the CLI's own publication is tested on its own). */
async function publishV1(broker: BrokerDouble): Promise<void> {
  await publishPacts(new BrokerClient({ baseUrl: broker.url, auth: { kind: 'token', token: CANARY } }), { pacts: [await readPactFile(PACT_A)], consumerVersion: 'v1' });
}

/** Runs the CLI; whatever happened, neither the canary token nor the canary password may appear in its output. */
async function cli(args: readonly string[], env: Readonly<Record<string, string>>, cwd?: string): Promise<CliRun> {
  const run = await runCli(args, env, cwd);
  for (const secret of SECRETS) expect(`${run.stdout}\n${run.stderr}`, `secret printed by: ${args.join(' ')}`).not.to.include(secret);
  return run;
}

describe('CLI publish / can-i-deploy / record-deployment against the broker double (black box)', () => {
  let broker: BrokerDouble;
  let work: string;
  let env: Record<string, string>;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'broker-cli-'));
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
  });
  beforeEach(async () => {
    broker = await startBrokerDouble({ auth: { token: CANARY } });
    env = { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: CANARY };
  });
  afterEach(() => broker.close());

  it('publish: one publication per consumer, the broker\'s notices by type, and the published URLs', async () => {
    const run = await cli(['publish', PACT_A, PACT_B, '--consumer-version', 'v1', '--branch', 'main', '--tag', 'rc', '--tag', 'x'], env);
    expect(run.stderr).to.equal('');
    expect(run.code).to.equal(0);
    expect(run.stdout).to.include(`Publishing 2 pact file(s) for fixture-consumer, second-consumer version v1 (branch main) to ${broker.url}`);
    expect(run.stdout).to.include('[success] Pact published for fixture-consumer version v1 and provider fixture-provider.');
    expect(run.stdout).to.include(`Published second-consumer version v1: ${broker.url}/pacticipants/second-consumer/versions/v1`);
    expect(run.stdout).to.include(`  pact: ${broker.url}/pacts/provider/fixture-provider/consumer/fixture-consumer/version/v1`);
    expect(run.stdout).not.to.include('[debug]');
    const posts = broker.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => [r.path, r.headers['authorization'], (r.json as { tags: string[] }).tags])).to.deep.equal([
      ['/contracts/publish', `Bearer ${CANARY}`, ['rc', 'x']],
      ['/contracts/publish', `Bearer ${CANARY}`, ['rc', 'x']],
    ]);
    const content = (posts[0]!.json as { contracts: { content: string }[] }).contracts[0]!.content;
    expect(Buffer.from(content, 'base64').equals(await readFile(PACT_A))).to.equal(true);
  });

  it('publish with no flags: pacts/*.json, the full git SHA as version, the git branch, basic auth', async () => {
    const repo = join(work, 'repo');
    await mkdir(join(repo, 'pacts'), { recursive: true });
    await copyFile(PACT_A, join(repo, 'pacts', 'a.json'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' }).toString().trim();
    git('init', '-q', '-b', 'feature/pacts');
    git('add', '.');
    git('commit', '-q', '-m', 'pacts');
    const sha = git('rev-parse', 'HEAD');
    const basic = await startBrokerDouble({ auth: { username: 'ci', password: CANARY } });
    try {
      const run = await cli(['publish', '--verbose'], { PACT_BROKER_BASE_URL: basic.url, PACT_BROKER_USERNAME: 'ci', PACT_BROKER_PASSWORD: CANARY }, repo);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.include(`version ${sha} (branch feature/pacts)`).and.include('[debug]');
      const body = basic.requests.find((r) => r.method === 'POST')!.json;
      expect(body).to.deep.include({ pacticipantVersionNumber: sha, branch: 'feature/pacts' });
      expect(body).not.to.have.property('buildUrl');
    } finally {
      await basic.close();
    }
  });

  /** Runs the cases in parallel; each must exit 2 with its message on stderr. */
  async function expectExit2(cases: readonly (readonly [readonly string[], Record<string, string>, RegExp, string?])[]): Promise<void> {
    const runs = await Promise.all(cases.map(([args, vars, , cwd]) => cli(args, vars, cwd)));
    runs.forEach((run, i) => {
      expect(run.code, `case ${i}: ${run.stderr}`).to.equal(2);
      expect(run.stderr, `case ${i}`).to.match(cases[i]![2]).and.match(/^stigg-contract: /);
    });
  }

  it('publish, broker faults exit 2 with a clear message: unreachable, 401, 403, 409 on a changed pact', async () => {
    const changed = join(work, 'changed.json');
    await writeFile(changed, (await readFile(PACT_A, 'utf8')).replace('cus_1', 'cus_2'));
    const readOnly = await startBrokerDouble({ auth: { token: CANARY, readOnly: true } });
    const wrongToken = await startBrokerDouble({ auth: { token: 'another-token' } });
    try {
      await publishV1(broker);
      await expectExit2([
        [['publish', PACT_A, '--consumer-version', 'v1'], { ...env, PACT_BROKER_BASE_URL: await closedPortUrl() }, /cannot reach the Pact Broker: GET http:\/\/127\.0\.0\.1:\d+\/ failed \(ECONNREFUSED\)/],
        [['publish', PACT_A, '--consumer-version', 'v1'], { ...env, PACT_BROKER_BASE_URL: wrongToken.url }, /the broker rejected the credentials \(sent the bearer token in PACT_BROKER_TOKEN\): GET .* answered 401/],
        [['publish', PACT_A, '--consumer-version', 'v1'], { ...env, PACT_BROKER_BASE_URL: readOnly.url }, /refused access: .*a read-only token cannot publish.* answered 403 Forbidden: You do not have permission/],
        [['publish', changed, '--consumer-version', 'v1'], env, /answered 409 Conflict: contracts: Cannot change the content of the pact for fixture-consumer version v1/],
      ]);
      expect(broker.state.pacts).to.have.length(1);
    } finally {
      await Promise.all([readOnly.close(), wrongToken.close()]);
    }
  });

  it('publish, input faults exit 2 before any request: bad pact files, no pacts, no broker, no version', async () => {
    await expectExit2([
      [['publish', fixture('bad/not-json.json'), '--consumer-version', 'v1'], env, /pact file .*not-json\.json is not valid JSON/],
      [['publish', '--consumer-version', 'v1'], env, /no pacts to publish: there is no pacts\/ directory/, work],
      [['publish', PACT_A, '--consumer-version', 'v1'], { PACT_BROKER_TOKEN: CANARY }, /no Pact Broker: pass --broker-url URL or set PACT_BROKER_BASE_URL/],
      [['publish', PACT_A], env, /no consumer version: pass --consumer-version or run inside a git checkout/, work],
    ]);
    expect(broker.requests).to.deep.equal([]);
  });

  it('publish: a secret the broker echoes back is scrubbed from the message', async () => {
    broker.fault({ method: 'POST', path: '/contracts/publish', status: 500, bodyFrom: (r) => ({ errors: [`auth was ${String(r.headers['authorization'])}`] }) });
    const run = await cli(['publish', PACT_A, '--consumer-version', 'v1'], env);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include('auth was Bearer [redacted]');
  });

  it('can-i-deploy: 0 and a table when deployable, 1 for "no", retries while unknown, 2 when it cannot ask', async () => {
    await publishV1(broker);
    const no = await cli(['can-i-deploy', '--pacticipant', 'fixture-consumer', '--version', 'v1', '--to-environment', 'production'], env);
    expect(no.code, no.stderr).to.equal(1);
    expect(no.stdout).to.match(/CONSUMER\s+\| C\.VERSION \| PROVIDER\s+\| P\.VERSION \| SUCCESS\?/).and.match(/fixture-consumer \| v1\s+\| fixture-provider \| -\s+\| \?\?\?/);
    expect(no.stdout).to.include('deployable: no (0 successful, 0 failed, 1 unknown)').and.include('There is no verified pact between fixture-consumer (v1) and fixture-provider');
    const pact = broker.state.pacts[0]!;
    broker.state.verifications.push({ provider: 'fixture-provider', consumer: 'fixture-consumer', sha: pact.sha, success: true, providerVersion: 'p1', body: {} });
    broker.state.ensureVersion('fixture-provider', 'p1');
    broker.state.deploy('fixture-provider', 'p1', broker.state.environments[0]!);
    const unknown = { summary: { deployable: null, reason: 'waiting', success: 0, failed: 0, unknown: 1 }, matrix: [] };
    const [yes, retried, noVersion, unreachable, badRetry] = await Promise.all([
      cli(['can-i-deploy', '--pacticipant', 'fixture-consumer', '--version', 'v1', '--to-environment', 'production'], env),
      (async () => {
        const other = await startBrokerDouble();
        other.state.matrixAnswers.push(unknown, unknown, { summary: { deployable: true, reason: 'verified at last', success: 1, failed: 0, unknown: 0 }, matrix: [] });
        try {
          return await cli(['can-i-deploy', '--pacticipant', 'a', '--version', '1', '--retry-while-unknown', '5', '--retry-interval', '0'], { PACT_BROKER_BASE_URL: other.url });
        } finally {
          await other.close();
        }
      })(),
      cli(['can-i-deploy', '--pacticipant', 'fixture-consumer'], env),
      cli(['can-i-deploy', '--pacticipant', 'a', '--version', '1'], { ...env, PACT_BROKER_BASE_URL: await closedPortUrl() }),
      cli(['can-i-deploy', '--pacticipant', 'a', '--version', '1', '--retry-while-unknown', 'many'], env),
    ]);
    expect(yes.code, yes.stderr).to.equal(0);
    expect(yes.stdout).to.match(/fixture-consumer \| v1\s+\| fixture-provider \| p1\s+\| true/).and.include('deployable: yes');
    expect(retried.code, retried.stderr).to.equal(0);
    expect(retried.stdout).to.include('verified at last').and.include('(asked 3 times)');
    expect(noVersion.code).to.equal(2);
    expect(noVersion.stderr).to.match(/required option '--version <version>' not specified/);
    expect(unreachable.code).to.equal(2);
    expect(unreachable.stderr).to.match(/cannot reach the Pact Broker/);
    expect(badRetry.code).to.equal(2);
    expect(badRetry.stderr).to.match(/--retry-while-unknown must be an integer from 0 to 1000/);
  });

  it('record-deployment: 0 when recorded; 2 for an unknown environment or version', async () => {
    await publishV1(broker);
    const [ok, environment, version] = await Promise.all([
      cli(['record-deployment', '--pacticipant', 'fixture-consumer', '--version', 'v1', '--environment', 'production', '--application-instance', 'blue'], env),
      cli(['record-deployment', '--pacticipant', 'fixture-consumer', '--version', 'v1', '--environment', 'staging'], env),
      cli(['record-deployment', '--pacticipant', 'fixture-consumer', '--version', 'v2', '--environment', 'test'], env),
    ]);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/^Recorded deployment of fixture-consumer version v1 to production \(application instance blue\) \[production\]\n {2}http:\/\/127\.0\.0\.1:\d+\/deployed-versions\//);
    expect(broker.state.deployedIn('fixture-consumer', 'production')).to.deep.equal(['v1']);
    expect(environment.code).to.equal(2);
    expect(environment.stderr).to.include('no environment named "staging"; it has: production, test');
    expect(version.code).to.equal(2);
    expect(version.stderr).to.include('does not know fixture-consumer version v2');
  });
});
