import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ConfigurationError } from '../../../src/errors.js';
import { BrokerError, loadPactFiles, publicationBodies, publishPacts, readPactFile, type PactFile } from '../../../src/pact/broker/index.js';
import { startBrokerDouble, type BrokerDouble } from '../../fixtures/broker-double.js';
import { CANARY, clientOf, fixture, PACT_A, PACT_B } from './helpers.js';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(() => { throw new Error('expected a rejection'); }, (error: unknown) => error as Error);
}

describe('pact/broker publish: POST /contracts/publish', () => {
  let broker: BrokerDouble;
  let pactA: PactFile;
  let pactB: PactFile;
  before(async () => {
    [pactA, pactB] = await Promise.all([readPactFile(PACT_A), readPactFile(PACT_B)]);
  });
  beforeEach(async () => {
    broker = await startBrokerDouble({ auth: { token: CANARY } });
  });
  afterEach(() => broker.close());

  it('finds the publish link in the index and POSTs the documented body, the pact base64 of the file bytes', async () => {
    const client = clientOf(broker, { kind: 'token', token: CANARY });
    const [result] = await publishPacts(client, { pacts: [pactA], consumerVersion: 'a1b2c3', branch: 'feat/x', tags: ['rc'], buildUrl: 'https://ci/1' });
    expect(broker.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['GET /', 'POST /contracts/publish']);
    const post = broker.requests[1]!;
    expect(post.headers['authorization']).to.equal(`Bearer ${CANARY}`);
    expect(post.headers['content-type']).to.equal('application/json');
    const body = post.json as { contracts: { content: string }[] };
    expect(body).to.deep.equal({
      pacticipantName: 'fixture-consumer',
      pacticipantVersionNumber: 'a1b2c3',
      branch: 'feat/x',
      tags: ['rc'],
      buildUrl: 'https://ci/1',
      contracts: [{ consumerName: 'fixture-consumer', providerName: 'fixture-provider', specification: 'pact', contentType: 'application/json', content: body.contracts[0]!.content }],
    });
    expect(Buffer.from(body.contracts[0]!.content, 'base64').equals(await readFile(PACT_A))).to.equal(true);
    expect(result).to.deep.include({ consumer: 'fixture-consumer', version: 'a1b2c3' });
    expect(result!.versionUrl).to.equal(`${broker.url}/pacticipants/fixture-consumer/versions/a1b2c3`);
    expect(result!.contractUrls).to.deep.equal([`${broker.url}/pacts/provider/fixture-provider/consumer/fixture-consumer/version/a1b2c3`]);
    expect(result!.notices.map((n) => n.type)).to.deep.equal(['success', 'success', 'debug']);
    expect(broker.state.version('fixture-consumer', 'a1b2c3')).to.deep.include({ branch: 'feat/x', tags: ['rc'], buildUrl: 'https://ci/1' });
  });

  it('makes one publication per consumer version: two consumers, two POSTs', async () => {
    const results = await publishPacts(clientOf(broker, { kind: 'token', token: CANARY }), { pacts: [pactB, pactA], consumerVersion: 'v9' });
    expect(results.map((r) => r.consumer)).to.deep.equal(['fixture-consumer', 'second-consumer']);
    const posts = broker.requests.filter((r) => r.method === 'POST').map((r) => r.json as { pacticipantName: string; contracts: unknown[]; branch?: unknown });
    expect(posts.map((p) => [p.pacticipantName, p.contracts.length, 'branch' in p])).to.deep.equal([['fixture-consumer', 1, false], ['second-consumer', 1, false]]);
  });

  it('republishing the same content is fine; changed content for the same version is a 409 with the broker\'s notices', async () => {
    const client = clientOf(broker, { kind: 'token', token: CANARY });
    await publishPacts(client, { pacts: [pactA], consumerVersion: 'same' });
    await publishPacts(client, { pacts: [pactA], consumerVersion: 'same' });
    const changed: PactFile = { ...pactA, content: Buffer.from(pactA.content.toString('utf8').replace('cus_1', 'cus_2')) };
    const error = await rejection(publishPacts(client, { pacts: [changed], consumerVersion: 'same' }));
    expect(error).to.be.instanceOf(BrokerError).with.property('status', 409);
    expect(error.message).to.match(/refused a conflicting change/).and.match(/Cannot change the content of the pact for fixture-consumer version same/);
    expect((error as BrokerError).notices.map((n) => n.type)).to.deep.equal(['error']);
    expect(broker.state.pacts).to.have.length(1);
  });

  it('a refusal after a first publication says what was already published', async () => {
    const client = clientOf(broker, { kind: 'token', token: CANARY });
    broker.fault({ method: 'POST', path: '/contracts/publish', status: 500, body: { errors: ['database down'] }, when: (r) => JSON.stringify(r.json).includes('"second-consumer"') });
    const error = await rejection(publishPacts(client, { pacts: [pactA, pactB], consumerVersion: 'x' }));
    expect(error).to.be.instanceOf(BrokerError).with.property('status', 500);
    expect(error.message).to.match(/database down \(already published: fixture-consumer\)$/);
    const first = await rejection(publishPacts(client, { pacts: [pactB], consumerVersion: 'y' }));
    expect(first.message).to.match(/database down$/);
  });

  it('checks the request before any HTTP: empty version, empty tag, two files for one pair', () => {
    expect(() => publicationBodies({ pacts: [pactA], consumerVersion: ' ' })).to.throw(ConfigurationError, /consumer version must not be empty/);
    expect(() => publicationBodies({ pacts: [pactA], consumerVersion: '1', tags: [''] })).to.throw(ConfigurationError, /--tag must not be empty/);
    expect(() => publicationBodies({ pacts: [pactA, { ...pactA, path: 'copy.json' }], consumerVersion: '1' })).to.throw(ConfigurationError, /two pact files for fixture-consumer -> fixture-provider/);
    expect(() => publicationBodies({ pacts: [], consumerVersion: '1' })).to.throw(ConfigurationError, /no pacts/);
  });
});

describe('pact/broker pact files', () => {
  it('defaults to pacts/*.json, expands directories, sorts and de-duplicates', async () => {
    const found = await loadPactFiles([], fixture(''));
    expect(found.map((p) => p.path)).to.deep.equal(['pacts/fixture-consumer-fixture-provider.json', 'pacts/second-consumer-fixture-provider.json']);
    const again = await loadPactFiles(['pacts/second-consumer-fixture-provider.json', 'pacts'], fixture(''));
    expect(again.map((p) => [p.consumer, p.provider])).to.deep.equal([['fixture-consumer', 'fixture-provider'], ['second-consumer', 'fixture-provider']]);
  });

  it('a file that is not JSON, not a pact, missing, or no files at all: ConfigurationError naming the problem', async () => {
    expect(await rejection(loadPactFiles(['bad/not-json.json'], fixture('')))).to.be.instanceOf(ConfigurationError).with.property('message').match(/pact file bad\/not-json.json is not valid JSON/);
    expect(await rejection(loadPactFiles(['bad/no-provider.json'], fixture('')))).to.be.instanceOf(ConfigurationError).with.property('message').match(/lacks provider.name/);
    expect(await rejection(loadPactFiles(['nope.json'], fixture('')))).to.be.instanceOf(ConfigurationError).with.property('message').match(/no such pact file or directory: nope.json/);
    expect(await rejection(loadPactFiles([], fixture('double')))).to.be.instanceOf(ConfigurationError).with.property('message').match(/no pacts to publish: there is no pacts\/ directory/);
    const empty = await mkdtemp(join(tmpdir(), 'broker-publish-'));
    try {
      await mkdir(join(empty, 'pacts'));
      expect(await rejection(loadPactFiles([], empty))).to.be.instanceOf(ConfigurationError).with.property('message').match(/no pacts to publish: no \*\.json files in pacts\//);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
    expect(await rejection(loadPactFiles(['double'], fixture('')))).to.be.instanceOf(ConfigurationError).with.property('message').match(/no \*\.json files in double/);
  });
});
