import { expect } from 'chai';
import { gzipSync } from 'node:zlib';
import { MockAgent } from 'undici';
import { StiggIntegrationsClient, StiggTransportError } from '../../src/client/index.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { clientFor, OK_BODY, rejection } from './helpers.js';

describe('client: StiggIntegrationsClient.updateIntegration', () => {
  let server: FixtureServer;
  before(async () => {
    server = await startFixtureServer();
  });
  after(() => server.close());
  beforeEach(() => {
    server.seen.length = 0;
    server.reply({ status: 200, body: OK_BODY });
  });

  it('sends PATCH with the JSON body and the key, and returns the integration', async () => {
    const result = await clientFor(server.url).updateIntegration('acme', 'int-1', { syncedEntityId: 'cus_1' });
    expect(result).to.deep.equal(OK_BODY.data);
    const [request] = server.seen;
    expect(request?.method).to.equal('PATCH');
    expect(request?.path).to.equal('/api/v1/customers/acme/integrations/int-1');
    expect(request?.headers['x-api-key']).to.equal('test-key-0000');
    expect(request?.headers['content-type']).to.equal('application/json');
    expect(JSON.parse(request?.body ?? '')).to.deep.equal({ syncedEntityId: 'cus_1' });
  });

  it('sends through the dispatcher it is given, not the global one', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent.get('https://stigg.test').intercept({ path: '/api/v1/customers/acme/integrations/int-1', method: 'PATCH' }).reply(200, OK_BODY);
    try {
      const client = new StiggIntegrationsClient({ baseUrl: 'https://stigg.test', apiKey: 'k', dispatcher: agent });
      expect(await client.updateIntegration('acme', 'int-1', { syncedEntityId: 'cus_1' })).to.deep.equal(OK_BODY.data);
      agent.assertNoPendingInterceptors();
      expect(server.seen).to.have.length(0);
    } finally {
      await agent.close();
    }
  });

  it('reads a gzip-compressed answer as fetch would; a body not in its claimed coding is a transport error', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('https://stigg.test');
    const path = '/api/v1/customers/acme/integrations/int-1';
    pool.intercept({ path, method: 'PATCH' }).reply(200, gzipSync(JSON.stringify(OK_BODY)), { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    pool.intercept({ path, method: 'PATCH' }).reply(200, JSON.stringify(OK_BODY), { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    try {
      const client = new StiggIntegrationsClient({ baseUrl: 'https://stigg.test', apiKey: 'k', dispatcher: agent });
      expect(await client.updateIntegration('acme', 'int-1', { syncedEntityId: 'cus_1' })).to.deep.equal(OK_BODY.data);
      const error = await client.updateIntegration('acme', 'int-1', { syncedEntityId: 'cus_1' }).then(() => undefined, (caught: unknown) => caught);
      expect(error).to.be.instanceOf(StiggTransportError).and.have.property('message').that.contains('not valid gzip');
    } finally {
      await agent.close();
    }
  });

  it('sends syncedEntityId: null to unlink', async () => {
    await clientFor(server.url).updateIntegration('acme', 'int-1', { syncedEntityId: null });
    expect(server.seen[0]?.body).to.equal('{"syncedEntityId":null}');
  });

  it('percent-encodes both path segments, | and @ included, and . and .. alone', async () => {
    const client = clientFor(server.url);
    await client.updateIntegration('acme|eu@1.0', 'a/b c?#%', { syncedEntityId: null });
    await client.updateIntegration('..', '.', { syncedEntityId: null });
    await client.updateIntegration('cliënt', 'x', { syncedEntityId: null });
    expect(server.seen.map((request) => request.path)).to.deep.equal([
      '/api/v1/customers/acme%7Ceu%401.0/integrations/a%2Fb%20c%3F%23%25',
      '/api/v1/customers/%2E%2E/integrations/%2E',
      '/api/v1/customers/cli%C3%ABnt/integrations/x',
    ]);
  });

  it('keeps a base path of the base URL', async () => {
    await clientFor(`${server.url}/proxy/`).updateIntegration('acme', 'int-1', { syncedEntityId: null });
    expect(server.seen[0]?.path).to.equal('/proxy/api/v1/customers/acme/integrations/int-1');
  });

  it('sends X-ACCOUNT-ID and X-ENVIRONMENT-ID only when given', async () => {
    await clientFor(server.url, { accountId: 'acc-1', environmentId: 'env-1' }).updateIntegration('a', 'b', { syncedEntityId: null });
    await clientFor(server.url).updateIntegration('a', 'b', { syncedEntityId: null });
    expect(server.seen[0]?.headers).to.include({ 'x-account-id': 'acc-1', 'x-environment-id': 'env-1' });
    expect(server.seen[1]?.headers).to.not.have.any.keys('x-account-id', 'x-environment-id');
  });

  it('takes the key from STIGG_API_KEY by default, and sends none for apiKey: null or an empty key', async () => {
    const env = { STIGG_API_KEY: 'from-env' };
    await new StiggIntegrationsClient({ baseUrl: server.url, env }).updateIntegration('a', 'b', { syncedEntityId: null });
    await new StiggIntegrationsClient({ baseUrl: server.url, env, apiKey: null }).updateIntegration('a', 'b', { syncedEntityId: null });
    await new StiggIntegrationsClient({ baseUrl: server.url, env: { STIGG_API_KEY: '' } }).updateIntegration('a', 'b', { syncedEntityId: null });
    expect(server.seen.map((request) => request.headers['x-api-key'])).to.deep.equal(['from-env', undefined, undefined]);
  });

  it('rejects unusable arguments and options before sending anything', async () => {
    const client = clientFor(server.url);
    expect((await rejection(client.updateIntegration('', 'b', { syncedEntityId: null }))).message).to.match(/customerId/);
    expect((await rejection(client.updateIntegration('a', '', { syncedEntityId: null }))).message).to.match(/integrationId/);
    expect(() => clientFor('not a url')).to.throw(TypeError, /baseUrl/);
    expect(() => clientFor('ftp://host')).to.throw(TypeError, /http/);
    expect(() => clientFor(server.url, { timeoutMs: 0 })).to.throw(TypeError, /timeoutMs/);
    expect(server.seen).to.have.length(0);
  });
});
