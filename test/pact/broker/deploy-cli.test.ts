import { expect } from 'chai';
import { startBrokerDouble, type BrokerDouble } from '../../fixtures/broker-double.js';
import { runCli, type CliRun } from '../../helpers/cli.js';
import { brokerEnv, CANARY, closedPortUrl, PROJECT_PACT, storePact } from './helpers.js';

const CONSUMER = 'stigg-contract-client';

/** Runs the CLI in-process; the canary token may never be printed. */
async function cli(args: readonly string[], env: Readonly<Record<string, string>>): Promise<CliRun> {
  const run = await runCli(args, { env });
  expect(`${run.stdout}\n${run.stderr}`, `secret printed by: ${args.join(' ')}`).not.to.include(CANARY);
  return run;
}

/** A matrix answer as the broker documents it (`deployable` null while results are missing). */
const matrix = (deployable: boolean | null, unknown: number, reason: string): unknown => ({ summary: { deployable, reason, success: unknown === 0 ? 1 : 0, failed: 0, unknown }, matrix: [], notices: [] });

describe('CLI can-i-deploy / record-deployment / record-release on the official Pact CLI, against the broker double', function () {
  this.timeout(30_000);
  let broker: BrokerDouble;
  let env: Record<string, string>;
  beforeEach(async () => {
    broker = await startBrokerDouble({ auth: { token: CANARY } });
    env = brokerEnv(broker);
    await storePact(broker, PROJECT_PACT, 'v1', 'main');
  });
  afterEach(() => broker.close());

  it('can-i-deploy asks the documented matrix query; "no" is exit 1, "yes" exit 0, each with the rows and the reason', async () => {
    const no = await cli(['can-i-deploy', '--pacticipant', CONSUMER, '--version', 'v1', '--to-environment', 'production'], env);
    expect(no.code, no.stderr).to.equal(1);
    expect(no.stdout).to.include(`${CONSUMER} | v1        | stigg-api | -         | ???`);
    expect(no.stdout).to.include('deployable: no (0 successful, 0 failed, 1 unknown)').and.include(`There is no verified pact between ${CONSUMER} (v1) and stigg-api`);
    const [request] = broker.requests;
    expect(`${request?.method} ${request?.path}`).to.equal('GET /matrix');
    expect([...new URLSearchParams(request?.query).entries()]).to.deep.equal([['q[][pacticipant]', CONSUMER], ['q[][version]', 'v1'], ['latestby', 'cvpv'], ['environment', 'production']]);
    expect(request?.headers['authorization']).to.equal(`Bearer ${CANARY}`);

    const pact = broker.state.pacts[0]!;
    broker.state.verifications.push({ provider: 'stigg-api', consumer: CONSUMER, sha: pact.sha, success: true, providerVersion: 'p1', body: {} });
    broker.state.deploy('stigg-api', broker.state.ensureVersion('stigg-api', 'p1').number, broker.state.environments[0]!);
    const yes = await cli(['can-i-deploy', '--pacticipant', CONSUMER, '--version', 'v1', '--to-environment', 'production'], env);
    expect(yes.code, yes.stdout + yes.stderr).to.equal(0);
    expect(yes.stdout).to.match(/stigg-contract-client \| v1\s+\| stigg-api \| p1\s+\| true/).and.include('deployable: yes (1 successful');
    const latest = await cli(['can-i-deploy', '--pacticipant', CONSUMER, '--version', 'v1'], env);
    expect(latest.code).to.equal(0);
    expect(new URLSearchParams(broker.requests.at(-1)?.query).get('latest')).to.equal('true');
  });

  it('can-i-deploy asks again while results are missing, a bounded number of times', async () => {
    broker.state.matrixAnswers.push(matrix(null, 1, 'waiting'), matrix(null, 1, 'waiting'), matrix(true, 0, 'verified at last'));
    const run = await cli(['can-i-deploy', '--pacticipant', CONSUMER, '--version', 'v1', '--retry-while-unknown', '3', '--retry-interval', '0'], env);
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.include('verified at last');
    expect(broker.calls().filter((call) => call === 'GET /matrix')).to.have.length(3);
  });

  it('can-i-deploy exits 2 when it cannot ask: unreachable, refused, unknown pacticipant, no matrix endpoint, bad flags', async () => {
    const wrong = await startBrokerDouble({ auth: { token: 'other' } });
    broker.fault({ path: '/matrix', status: 404, body: { error: { message: 'no route GET /matrix' } }, when: (r) => r.query.includes('ghost-endpoint') });
    try {
      const cases: [string[], Record<string, string>, RegExp][] = [
        [['--pacticipant', 'a', '--version', '1'], brokerEnv(await closedPortUrl()), /pact broker can-i-deploy failed \(exit 1\):\n.*error sending request/],
        [['--pacticipant', 'a', '--version', '1'], brokerEnv(wrong), /401 Unauthorized/],
        [['--pacticipant', 'ghost', '--version', '1'], env, /Pacticipant ghost not found/],
        [['--pacticipant', 'ghost-endpoint', '--version', '1'], env, /404/],
        [['--pacticipant', CONSUMER, '--version', '1', '--retry-while-unknown', 'many'], env, /--retry-while-unknown must be an integer from 0 to 1000/],
        [['--pacticipant', CONSUMER], env, /required option '--version <version>' not specified/],
      ];
      for (const [args, vars, message] of cases) {
        const run = await cli(['can-i-deploy', ...args], vars);
        expect(run.code, `${args.join(' ')}: ${run.stderr}`).to.equal(2);
        expect(run.stderr, args.join(' ')).to.match(message);
      }
    } finally {
      await wrong.close();
    }
  });

  it('record-deployment: GET the version, POST to its pb:record-deployment link for the environment; 2 when it cannot', async () => {
    const ok = await cli(['record-deployment', '--pacticipant', CONSUMER, '--version', 'v1', '--environment', 'production', '--application-instance', 'blue'], env);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.include(`Recorded deployment of ${CONSUMER} version v1 to production environment (application instance blue)`);
    const production = broker.state.environments.find((e) => e.name === 'production')!;
    expect(broker.calls()).to.deep.equal([`GET /pacticipants/${CONSUMER}/versions/v1`, `POST /pacticipants/${CONSUMER}/versions/v1/deployed-versions/environment/${production.uuid}`]);
    expect(broker.requests.at(-1)?.json).to.deep.include({ applicationInstance: 'blue' });
    expect(broker.state.deployedIn(CONSUMER, 'production')).to.deep.equal(['v1']);
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--version', 'v1', '--environment', 'staging'], env, /Environment staging does not exist/],
      [['--version', 'v2', '--environment', 'test'], env, /404 Not Found/],
      [['--version', 'v1', '--environment', 'test'], brokerEnv(await closedPortUrl()), /error sending request/],
    ];
    for (const [args, vars, message] of cases) {
      const run = await cli(['record-deployment', '--pacticipant', CONSUMER, ...args], vars);
      expect(run.code, run.stdout).to.equal(2);
      expect(run.stderr).to.match(/^stigg-contract: pact broker record-deployment failed/).and.match(message);
    }
  });

  it('record-release: POST to the version\'s pb:record-release link; 2 on a broker without it', async () => {
    const ok = await cli(['record-release', '--pacticipant', CONSUMER, '--version', 'v1', '--environment', 'test'], env);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/Recorded release of stigg-contract-client version v1 to test environment/i);
    const test = broker.state.environments.find((e) => e.name === 'test')!;
    expect(broker.calls().at(-1)).to.equal(`POST /pacticipants/${CONSUMER}/versions/v1/released-versions/environment/${test.uuid}`);
    expect(broker.state.releases).to.deep.equal([{ pacticipant: CONSUMER, version: 'v1', environment: 'test' }]);
    broker.fault({ method: 'GET', path: `/pacticipants/${CONSUMER}/versions/v1`, status: 200, body: { number: 'v1', _links: { self: { href: `${broker.url}/pacticipants/${CONSUMER}/versions/v1` } } } });
    const old = await cli(['record-release', '--pacticipant', CONSUMER, '--version', 'v1', '--environment', 'test'], env);
    expect(old.code).to.equal(2);
    expect(old.stderr).to.match(/pb:record-release/);
    const instance = await cli(['record-release', '--pacticipant', CONSUMER, '--version', 'v1', '--environment', 'test', '--application-instance', 'x'], env);
    expect(instance.code).to.equal(2);
  });
});
