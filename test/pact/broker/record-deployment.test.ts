import { expect } from 'chai';
import { ConfigurationError } from '../../../src/errors.js';
import { BrokerError, publishPacts, readPactFile, recordDeployment } from '../../../src/pact/broker/index.js';
import { startBrokerDouble, type BrokerDouble } from '../../fixtures/broker-double.js';
import { CANARY, clientOf, PACT_A } from './helpers.js';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(() => { throw new Error('expected a rejection'); }, (error: unknown) => error as Error);
}

describe('pact/broker record-deployment', () => {
  let broker: BrokerDouble;
  const auth = { kind: 'basic', username: 'ci', password: CANARY } as const;
  beforeEach(async () => {
    broker = await startBrokerDouble({ auth: { username: 'ci', password: CANARY } });
    await publishPacts(clientOf(broker, auth), { pacts: [await readPactFile(PACT_A)], consumerVersion: 'v1' });
    broker.requests.length = 0;
  });
  afterEach(() => broker.close());

  it('environments → the version → its pb:record-deployment link for that environment, POSTed', async () => {
    const record = await recordDeployment(clientOf(broker, auth), { pacticipant: 'fixture-consumer', version: 'v1', environment: 'production' });
    const production = broker.state.environments.find((e) => e.name === 'production')!;
    expect(broker.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal([
      'GET /',
      'GET /environments',
      'GET /pacticipants/fixture-consumer/versions/v1',
      `POST /pacticipants/fixture-consumer/versions/v1/deployed-versions/environment/${production.uuid}`,
    ]);
    expect(broker.requests.every((r) => r.headers['authorization'] === `Basic ${Buffer.from(`ci:${CANARY}`).toString('base64')}`)).to.equal(true);
    expect(broker.requests.at(-1)!.json).to.deep.equal({});
    expect(record).to.deep.include({ environment: { uuid: production.uuid, name: 'production', production: true }, currentlyDeployed: true });
    expect(record.url).to.match(new RegExp(`^${broker.url}/deployed-versions/`));
    expect(broker.state.deployedIn('fixture-consumer', 'production')).to.deep.equal(['v1']);
  });

  it('sends the application instance, and replaces the previously deployed version', async () => {
    const client = clientOf(broker, auth);
    await recordDeployment(client, { pacticipant: 'fixture-consumer', version: 'v1', environment: 'test', applicationInstance: 'blue' });
    expect(broker.requests.at(-1)!.json).to.deep.equal({ applicationInstance: 'blue' });
    broker.state.ensureVersion('fixture-consumer', 'v2');
    await recordDeployment(client, { pacticipant: 'fixture-consumer', version: 'v2', environment: 'test', applicationInstance: 'blue' });
    expect(broker.state.deployedIn('fixture-consumer', 'test')).to.deep.equal(['v2']);
  });

  it('an unknown environment or version is a ConfigurationError that says what exists', async () => {
    const client = clientOf(broker, auth);
    const environment = await rejection(recordDeployment(client, { pacticipant: 'fixture-consumer', version: 'v1', environment: 'staging' }));
    expect(environment).to.be.instanceOf(ConfigurationError).with.property('message').match(/no environment named "staging"; it has: production, test/);
    const version = await rejection(recordDeployment(client, { pacticipant: 'fixture-consumer', version: 'v404', environment: 'test' }));
    expect(version).to.be.instanceOf(ConfigurationError).with.property('message').match(/does not know fixture-consumer version v404/);
    expect(broker.requests.filter((r) => r.method === 'POST')).to.have.length(0);
  });

  it('a broker without environments, or refusing the write, is a BrokerError', async () => {
    broker.fault({ path: '/', status: 200, body: { _links: { self: { href: broker.url } } }, times: 1 });
    expect(await rejection(recordDeployment(clientOf(broker, auth), { pacticipant: 'fixture-consumer', version: 'v1', environment: 'test' })))
      .to.be.instanceOf(BrokerError).with.property('message').match(/no 'pb:environments' link, so it cannot do environments and deployments \(broker v2\.81 or later\)/);
    broker.fault({ method: 'POST', path: /deployed-versions/, status: 403, body: { error: { message: 'not allowed' } } });
    const refused = await rejection(recordDeployment(clientOf(broker, auth), { pacticipant: 'fixture-consumer', version: 'v1', environment: 'test' }));
    expect(refused).to.be.instanceOf(BrokerError).with.property('status', 403);
    expect(refused.message).to.match(/not allowed/).and.not.include(CANARY);
  });
});
