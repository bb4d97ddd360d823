import { expect } from 'chai';
import { ConfigurationError } from '../../../src/errors.js';
import { BrokerError, canIDeploy, formatMatrix, formatVerdict, matrixUrl, publishPacts, readPactFile } from '../../../src/pact/broker/index.js';
import { startBrokerDouble, type BrokerDouble } from '../../fixtures/broker-double.js';
import { clientOf, PACT_A } from './helpers.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(() => { throw new Error('expected a rejection'); }, (error: unknown) => error as Error);
}

/** A matrix answer as the broker documents it. */
function answer(deployable: boolean | null, unknown: number, reason = 'r'): unknown {
  return { summary: { deployable, reason, success: 0, failed: 0, unknown }, matrix: [] };
}

describe('pact/broker can-i-deploy: the matrix', () => {
  let broker: BrokerDouble;
  beforeEach(async () => {
    broker = await startBrokerDouble();
    await publishPacts(clientOf(broker), { pacts: [await readPactFile(PACT_A)], consumerVersion: SHA });
  });
  afterEach(() => broker.close());

  it('asks GET /matrix with the documented selector and options (environment, or latest)', async () => {
    expect(matrixUrl('http://b', { pacticipant: 'fixture consumer', version: '1', environment: 'production' }))
      .to.equal('http://b/matrix?q%5B%5D%5Bpacticipant%5D=fixture+consumer&q%5B%5D%5Bversion%5D=1&latestby=cvp&environment=production');
    await canIDeploy(clientOf(broker), { pacticipant: 'fixture-consumer', version: SHA });
    const request = broker.requests.at(-1)!;
    expect(request.path).to.equal('/matrix');
    const query = new URLSearchParams(request.query);
    expect([...query.entries()]).to.deep.equal([['q[][pacticipant]', 'fixture-consumer'], ['q[][version]', SHA], ['latestby', 'cvp'], ['latest', 'true']]);
  });

  it('no verification yet: not deployable, one unknown row; after a successful one from production: deployable', async () => {
    const client = clientOf(broker);
    const before = await canIDeploy(client, { pacticipant: 'fixture-consumer', version: SHA, environment: 'production' });
    expect(before).to.deep.include({ deployable: false, counts: { success: 0, failed: 0, unknown: 1 }, attempts: 1 });
    expect(before.rows).to.deep.equal([{ consumer: 'fixture-consumer', consumerVersion: SHA, provider: 'fixture-provider' }]);
    expect(formatMatrix(before.rows)).to.deep.equal([
      'CONSUMER         | C.VERSION | PROVIDER         | P.VERSION | SUCCESS?',
      'fixture-consumer | 0123456   | fixture-provider | -         | ???',
    ]);
    const pact = broker.state.pacts[0]!;
    broker.state.verifications.push({ provider: 'fixture-provider', consumer: 'fixture-consumer', sha: pact.sha, success: true, providerVersion: 'p1', body: {} });
    broker.state.ensureVersion('fixture-provider', 'p1');
    broker.state.deploy('fixture-provider', 'p1', broker.state.environments[0]!);
    const after = await canIDeploy(client, { pacticipant: 'fixture-consumer', version: SHA, environment: 'production' });
    expect(after).to.deep.include({ deployable: true, reason: 'All required verification results are published and successful' });
    expect(formatVerdict(after)).to.match(/^deployable: yes \(1 successful, 0 failed, 0 unknown\)/);
    const elsewhere = await canIDeploy(client, { pacticipant: 'fixture-consumer', version: SHA, environment: 'test' });
    expect(elsewhere.deployable).to.equal(false);
  });

  it('retries while unknown, a bounded number of times, then gives the last answer', async () => {
    broker.state.matrixAnswers.push(answer(null, 1), answer(null, 1), answer(true, 0, 'now verified'));
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    const result = await canIDeploy(clientOf(broker), { pacticipant: 'fixture-consumer', version: SHA }, { times: 5, intervalMs: 250, wait });
    expect(result).to.deep.include({ deployable: true, reason: 'now verified', attempts: 3 });
    expect(waits).to.deep.equal([250, 250]);
    broker.state.matrixAnswers.push(answer(null, 2), answer(null, 2), answer(null, 2));
    const bounded = await canIDeploy(clientOf(broker), { pacticipant: 'fixture-consumer', version: SHA }, { times: 1, intervalMs: 0, wait });
    expect(bounded).to.deep.include({ deployable: undefined, attempts: 2 });
    expect(formatVerdict(bounded)).to.match(/^deployable: unknown/);
  });

  it('errors: unknown pacticipant (400), an answer without summary, bad retry counts', async () => {
    const client = clientOf(broker);
    const unknown = await rejection(canIDeploy(client, { pacticipant: 'ghost', version: '1' }));
    expect(unknown).to.be.instanceOf(BrokerError).with.property('status', 400);
    expect(unknown.message).to.match(/q: Pacticipant ghost not found/);
    broker.state.matrixAnswers.push({ matrix: [] });
    expect(await rejection(canIDeploy(client, { pacticipant: 'fixture-consumer', version: SHA }))).to.be.instanceOf(BrokerError).with.property('message').match(/has no summary/);
    expect(await rejection(canIDeploy(client, { pacticipant: 'p', version: 'v' }, { times: -1, intervalMs: 0 }))).to.be.instanceOf(ConfigurationError);
    expect(await rejection(canIDeploy(client, { pacticipant: ' ', version: 'v' }))).to.be.instanceOf(ConfigurationError);
  });
});
