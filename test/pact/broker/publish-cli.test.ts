import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { startBrokerDouble, type BrokerDouble } from '../../fixtures/broker-double.js';
import { runCli, type CliRun } from '../../helpers/cli.js';
import { brokerEnv, CANARY, closedPortUrl, fixture, PROJECT_PACT } from './helpers.js';

const SECRETS = [CANARY, Buffer.from(`ci:${CANARY}`).toString('base64')];
const LOOSE_ENUM = fileURLToPath(new URL('../../fixtures/pacts/loose-enum-matcher.json', import.meta.url));

/** Runs the CLI in-process; whatever happened, neither the canary token nor the canary password may be printed. */
async function cli(args: readonly string[], env: Readonly<Record<string, string>>, cwd?: string): Promise<CliRun> {
  const run = await runCli(args, { env, ...(cwd !== undefined ? { cwd } : {}) });
  for (const secret of SECRETS) expect(`${run.stdout}\n${run.stderr}`, `secret printed by: ${args.join(' ')}`).not.to.include(secret);
  return run;
}

describe('CLI publish: the check-pact gate, then the official Pact CLI against the broker double', function () {
  this.timeout(30_000);
  let broker: BrokerDouble;
  let work: string;
  let env: Record<string, string>;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'broker-publish-'));
  });
  after(() => rm(work, { recursive: true, force: true }));
  beforeEach(async () => {
    broker = await startBrokerDouble({ auth: { token: CANARY } });
    env = brokerEnv(broker);
  });
  afterEach(() => broker.close());

  /** A copy of the project's pact under another consumer name (a second consumer of the same provider). */
  async function otherConsumer(): Promise<string> {
    const file = join(work, 'other-consumer.json');
    await writeFile(file, (await readFile(PROJECT_PACT, 'utf8')).replace('"name": "stigg-contract-client"', '"name": "other-client"'));
    return file;
  }

  it('sends the documented requests: GET /, then one POST /contracts/publish per consumer with the pact bytes in base64', async () => {
    const second = await otherConsumer();
    const run = await cli(['publish', PROJECT_PACT, second, '--consumer-version', 'v1', '--branch', 'main', '--tag', 'rc', '--tag', 'x', '--build-url', 'https://ci/1'], env);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^check-pact: 2 pact files, 24 interactions: 0 violations, 16 contract defects, 0 warnings\n/);
    expect(run.stdout).to.include(`Publishing 2 pact file(s) for other-client, stigg-contract-client version v1 (branch main) to ${broker.url}`);
    expect(run.stdout).to.include('Pact published for stigg-contract-client version v1 and provider stigg-api.');
    expect(broker.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['GET /', 'POST /contracts/publish', 'POST /contracts/publish']);
    expect(broker.requests.every((r) => r.headers['authorization'] === `Bearer ${CANARY}`)).to.equal(true);
    const posts = broker.requests.filter((r) => r.method === 'POST').map((r) => r.json as Record<string, unknown> & { contracts: Record<string, unknown>[] });
    const ours = posts.find((body) => body['pacticipantName'] === 'stigg-contract-client')!;
    expect(ours).to.deep.include({ pacticipantVersionNumber: 'v1', branch: 'main', tags: ['rc', 'x'], buildUrl: 'https://ci/1' });
    expect(ours.contracts).to.have.length(1);
    expect(ours.contracts[0]).to.deep.include({ consumerName: 'stigg-contract-client', providerName: 'stigg-api', specification: 'pact', contentType: 'application/json' });
    // The Pact CLI re-serialises the pact and stamps its own version into the metadata; the contract is the same.
    const sent = JSON.parse(Buffer.from(String(ours.contracts[0]!['content']), 'base64').toString('utf8')) as Record<string, unknown> & { metadata: Record<string, unknown> };
    const file = JSON.parse(await readFile(PROJECT_PACT, 'utf8')) as Record<string, unknown>;
    const { pactRust, ...metadata } = sent.metadata;
    expect(pactRust).to.have.property('models');
    expect({ ...sent, metadata }).to.deep.equal(file);
    expect(broker.state.pacts.map((p) => `${p.consumer}@${p.consumerVersion}`).sort()).to.deep.equal(['other-client@v1', 'stigg-contract-client@v1']);
  });

  it('with no flags: pacts/*.json, the full git SHA as version, the git branch, basic auth', async () => {
    const repo = join(work, 'repo');
    await mkdir(join(repo, 'pacts'), { recursive: true });
    await copyFile(PROJECT_PACT, join(repo, 'pacts', 'a.json'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' }).toString().trim();
    git('init', '-q', '-b', 'feature/pacts');
    git('add', '.');
    git('commit', '-q', '-m', 'pacts');
    const sha = git('rev-parse', 'HEAD');
    const basic = await startBrokerDouble({ auth: { username: 'ci', password: CANARY } });
    try {
      const run = await cli(['publish', '--verbose'], brokerEnv(basic, { PACT_BROKER_USERNAME: 'ci', PACT_BROKER_PASSWORD: CANARY }), repo);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.include(`version ${sha} (branch feature/pacts)`);
      const post = basic.requests.find((r) => r.method === 'POST')!;
      expect(post.headers['authorization']).to.equal(`Basic ${Buffer.from(`ci:${CANARY}`).toString('base64')}`);
      expect(post.json).to.deep.include({ pacticipantVersionNumber: sha, branch: 'feature/pacts' });
      expect(post.json).not.to.have.property('buildUrl');
    } finally {
      await basic.close();
    }
  });

  it('the gate: a pact the contract rejects is not sent (exit 1, the findings printed); one for another provider is unusable (exit 2)', async () => {
    const rejected = await cli(['publish', LOOSE_ENUM, '--consumer-version', 'v1'], env);
    expect(rejected.code).to.equal(1);
    expect(rejected.stdout).to.include('(/data/vendorIdentifier, enum)');
    expect(rejected.stderr).to.include('not published: the pacts break the contract');
    const strict = await cli(['publish', PROJECT_PACT, '--consumer-version', 'v1', '--strict-contract'], env);
    expect(strict.code).to.equal(1);
    const other = await cli(['publish', fixture('pacts/fixture-consumer-fixture-provider.json'), '--consumer-version', 'v1'], env);
    expect(other.code).to.equal(2);
    expect(other.stderr).to.match(/^stigg-contract: not published: .*a pact for provider "fixture-provider", not "stigg-api"/);
    expect(broker.requests).to.deep.equal([]);
  });

  it('broker faults exit 2 with the Pact CLI\'s reason: unreachable, 401, 403, 409 on a changed pact, no publication endpoint', async () => {
    const changed = join(work, 'changed.json');
    await writeFile(changed, (await readFile(PROJECT_PACT, 'utf8')).replace('cus_NffrFeUfNV2Hib', 'cus_changed'));
    const readOnly = await startBrokerDouble({ auth: { token: CANARY, readOnly: true } });
    const wrongToken = await startBrokerDouble({ auth: { token: 'another-token' } });
    try {
      expect((await cli(['publish', PROJECT_PACT, '--consumer-version', 'v1'], env)).code).to.equal(0);
      const cases: [string[], Record<string, string>, RegExp][] = [
        [['publish', PROJECT_PACT, '--consumer-version', 'v1'], brokerEnv(await closedPortUrl()), /pact broker publish failed \(exit 1\):\n.*(error sending request|Connection refused)/],
        [['publish', PROJECT_PACT, '--consumer-version', 'v1'], brokerEnv(wrongToken), /401/],
        [['publish', PROJECT_PACT, '--consumer-version', 'v1'], brokerEnv(readOnly), /403|permission/i],
        [['publish', changed, '--consumer-version', 'v1'], env, /409|Cannot change the content of the pact/],
      ];
      for (const [args, vars, message] of cases) {
        const run = await cli(args, vars);
        expect(run.code, run.stderr).to.equal(2);
        expect(run.stderr).to.match(/^stigg-contract: /).and.match(message);
      }
      broker.fault({ method: 'GET', path: '/', status: 200, body: { _links: { self: { href: broker.url } } } });
      const old = await cli(['publish', PROJECT_PACT, '--consumer-version', 'v2'], env);
      expect(old.code, old.stdout).to.equal(2);
      expect(broker.state.pacts).to.have.length(1);
    } finally {
      await Promise.all([readOnly.close(), wrongToken.close()]);
    }
  });

  it('input faults exit 2 before any request: a pact that is not JSON, no pacts, no broker, no version, a tag with a comma', async () => {
    const cases: [string[], Record<string, string>, RegExp, string?][] = [
      [['publish', fixture('bad/not-json.json'), '--consumer-version', 'v1'], env, /not-json\.json: not JSON/],
      [['publish', '--consumer-version', 'v1'], env, /no pacts to publish: there is no pacts\/ directory/, work],
      [['publish', PROJECT_PACT, '--consumer-version', 'v1'], { PACT_BROKER_TOKEN: CANARY }, /no Pact Broker: pass --broker-url URL or set PACT_BROKER_BASE_URL/],
      [['publish', PROJECT_PACT], env, /no consumer version: pass --consumer-version or run inside a git checkout/, work],
      [['publish', PROJECT_PACT, '--consumer-version', 'v1', '--tag', 'a,b'], env, /--tag must be non-empty and without commas/],
    ];
    for (const [args, vars, message, cwd] of cases) {
      const run = await cli(args, vars, cwd);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).to.equal(2);
      expect(run.stderr).to.match(/^stigg-contract: /).and.match(message);
    }
    expect(broker.requests).to.deep.equal([]);
  });
});
