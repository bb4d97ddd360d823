import { expect } from 'chai';
import { TransportError } from '../../../src/errors.js';
import { BrokerError, expandTemplate, linksOf } from '../../../src/pact/broker/index.js';
import { startBrokerDouble, type BrokerDouble } from '../../fixtures/broker-double.js';
import { CANARY, clientOf, closedPortUrl } from './helpers.js';

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('pact/broker client: HAL navigation, auth headers, error mapping', () => {
  let broker: BrokerDouble;
  beforeEach(async () => {
    broker = await startBrokerDouble({ auth: { token: CANARY } });
  });
  afterEach(() => broker.close());

  it('fetches the index once, follows and expands templated relations', async () => {
    const client = clientOf(broker, { kind: 'token', token: CANARY });
    expect(await client.indexLink('pb:pacticipant-version', { pacticipant: 'a b/c', version: '1+x' })).to.equal(`${broker.url}/pacticipants/a%20b%2Fc/versions/1%2Bx`);
    await client.indexLink('pb:environments');
    expect(broker.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['GET /']);
    expect(broker.requests[0]!.headers['accept']).to.equal('application/hal+json, application/json');
  });

  it('sends Authorization: Bearer TOKEN, or Basic base64(user:password)', async () => {
    await clientOf(broker, { kind: 'token', token: CANARY }).index();
    expect(broker.requests[0]!.headers['authorization']).to.equal(`Bearer ${CANARY}`);
    const basic = await startBrokerDouble({ auth: { username: 'ci', password: CANARY } });
    try {
      await clientOf(basic, { kind: 'basic', username: 'ci', password: CANARY }).index();
      expect(basic.requests[0]!.headers['authorization']).to.equal(`Basic ${Buffer.from(`ci:${CANARY}`).toString('base64')}`);
    } finally {
      await basic.close();
    }
  });

  it('names the missing relation and what the broker offers instead', async () => {
    const error = await failure(clientOf(broker, { kind: 'token', token: CANARY }).indexLink('pb:no-such-thing', {}, 'magic'));
    expect(error).to.be.instanceOf(BrokerError);
    expect(error.message).to.match(/no 'pb:no-such-thing' link, so it cannot do magic/).and.match(/pb:publish-contracts/);
  });

  it('maps 401 and 403 to BrokerError naming the credential source, not its value', async () => {
    const unauthorized = await failure(clientOf(broker, { kind: 'token', token: 'wrong' }).index());
    expect(unauthorized).to.be.instanceOf(BrokerError).with.property('status', 401);
    expect(unauthorized.message).to.match(/rejected the credentials \(sent the bearer token in PACT_BROKER_TOKEN\)/).and.not.include('wrong');
    const readOnly = await startBrokerDouble({ auth: { token: CANARY, readOnly: true } });
    try {
      const forbidden = await failure(clientOf(readOnly, { kind: 'token', token: CANARY }).post(`${readOnly.url}/contracts/publish`, {}));
      expect(forbidden).to.be.instanceOf(BrokerError).with.property('status', 403);
      expect(forbidden.message).to.match(/lack the permission/).and.match(/You do not have permission/).and.not.include(CANARY);
    } finally {
      await readOnly.close();
    }
  });

  it('maps an unreachable broker to TransportError', async () => {
    const url = await closedPortUrl();
    const error = await failure(clientOf(url).index());
    expect(error).to.be.instanceOf(TransportError).with.property('url', `${url}/`);
    expect(error.message).to.match(/cannot reach the Pact Broker: GET .* failed \(ECONNREFUSED\)/);
  });

  it('reports 5xx bodies and non-JSON 2xx answers; scrubs secrets the broker echoes', async () => {
    const client = clientOf(broker, { kind: 'token', token: CANARY });
    broker.fault({ path: '/', status: 500, bodyFrom: (r) => ({ errors: [`boom, you sent ${String(r.headers['authorization'])}`] }), times: 1 });
    const error = await failure(client.index());
    expect(error).to.be.instanceOf(BrokerError).with.property('status', 500);
    expect(error.message).to.match(/the broker failed: GET .* answered 500 Internal Server Error: boom, you sent Bearer \[redacted\]/).and.not.include(CANARY);
    broker.fault({ path: '/environments', status: 200, raw: '<html>hello</html>', contentType: 'text/html' });
    const notJson = await failure(client.get(`${broker.url}/environments`));
    expect(notJson).to.be.instanceOf(BrokerError).with.property('status', 0);
    expect(notJson.message).to.match(/answered 200 with a body that is not JSON: <html>hello/);
    broker.fault({ path: '/matrix', status: 200, raw: '' });
    expect(await client.get(`${broker.url}/matrix`)).to.deep.equal({});
  });

  it('expands level-1 URI templates, percent-encoding reserved characters, and refuses missing variables', () => {
    expect(expandTemplate('/p/{a}/v/{b}', { a: "it's (x)", b: 'feat/1' })).to.equal('/p/it%27s%20%28x%29/v/feat%2F1');
    expect(() => expandTemplate('/p/{a}', {})).to.throw(/no value for \{a\}/);
    expect(linksOf({ _links: { x: [{ href: '/1', name: 'one' }, { nope: true }], y: { href: '/2' } } }, 'x')).to.deep.equal([{ href: '/1', name: 'one' }]);
    expect(linksOf({ _links: { y: { href: '/2', templated: true } } }, 'y')).to.deep.equal([{ href: '/2', templated: true }]);
  });
});
