/**
 * The chai plugin, as a user imports it: `stigg-contract/chai`, the built entry (npm test builds first). Each shape
 * users hold is asserted both ways, and each failure message must name part, pointer, constraint and value.
 */
import * as chai from 'chai';
import { expect } from 'chai';
import { startReferenceProvider, type ReferenceProvider } from '../src/provider/index.js';

type Plugin = Parameters<typeof chai.use>[0];

const integration = { data: { id: 'int-1', vendorIdentifier: 'STRIPE', syncedEntityId: 'cus_1', syncData: null } };
const json = { 'content-type': 'application/json' };

/** A response the way supertest/superagent give it: parsed `body`, raw `text`, `header` and `headers`. */
const superagentLike = (status: number, body: unknown) => ({ status, statusCode: status, headers: json, header: json, body, text: JSON.stringify(body), type: 'application/json' });

/** A response the way axios gives it: `data`, AxiosHeaders-like `headers` with toJSON, and `config`. */
const axiosLike = (status: number, data: unknown) => ({ status, statusText: 'OK', data, config: { url: '/x' }, headers: { toJSON: () => ({ ...json, 'content-length': 42 }) } });

/** Runs an assertion; resolves with the failure message, or undefined when it passed. */
function failure(assertion: () => void): string | undefined {
  try {
    assertion();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('stigg-contract/chai: expect(exchange).to.satisfyContract()', () => {
  before(async () => {
    const plugin = (await import('stigg-contract/chai')) as { default: unknown };
    chai.use(plugin.default as Plugin);
  });

  it('passes a conforming response in every shape: exchange JSON, supertest/superagent, axios', () => {
    expect({ status: 200, headers: json, body: integration }).to.satisfyContract();
    expect(superagentLike(200, integration)).to.satisfyContract();
    expect(axiosLike(200, integration)).to.satisfyContract();
    expect({ status: 404, headers: json, body: { message: 'no', code: 'IntegrationNotFound' } }).to.satisfyContract();
  });

  it('fails a broken response naming each problem: part, JSON pointer, constraint, value cut short', () => {
    const broken = { data: { id: 7, vendorIdentifier: 'NOPE', syncedEntityId: 'x'.repeat(500), syncData: null } };
    for (const shape of [{ status: 200, headers: json, body: broken }, superagentLike(200, broken), axiosLike(200, broken)]) {
      const message = failure(() => expect(shape).to.satisfyContract());
      expect(message).to.match(/^expected response 200 to satisfy PATCH \/api\/v1\/customers\/\{id\}\/integrations\/\{integrationId\}:/);
      expect(message).to.include('violation  response:200  /data/id  type:').and.include('value: 7');
      expect(message).to.include('/data/vendorIdentifier  enum:').and.include('value: "NOPE"');
      expect(message).to.match(/\/data\/syncedEntityId {2}maxLength: .* value: "x{10,}… \(502 chars\)/);
    }
    expect(failure(() => expect({ status: 418, body: {} }).to.satisfyContract())).to.include('status 418 is not documented');
    expect(failure(() => expect(axiosLike(200, 'not json')).to.satisfyContract())).to.include('json: body is not JSON');
    expect(failure(() => expect(42).to.satisfyContract())).to.include('not a request');
  });

  it('.not inverts it, with the reason why in its message', () => {
    expect({ status: 200, headers: json, body: { data: {} } }).not.to.satisfyContract();
    expect(failure(() => expect(superagentLike(200, integration)).not.to.satisfyContract())).to.match(/^expected response 200 not to satisfy .*, but it does/);
  });

  it('reads the contract by intent unless strict: a contract defect passes by default and fails with { strict: true }', () => {
    const defect = { status: 404, headers: json, body: { message: 'gone', code: null } };
    expect(defect).to.satisfyContract();
    const message = failure(() => expect(defect).to.satisfyContract({ strict: true }));
    expect(message).to.include('contract-defect  response:404  /code  enum:').and.include('value: null');
  });

  it('checks requests in the `validate request` shape', () => {
    const request = { method: 'PATCH', path: '/api/v1/customers/acme/integrations/int-1', headers: { 'X-API-KEY': 'k', 'Content-Type': 'application/json' }, body: { syncedEntityId: 'cus_1' } };
    expect(request).to.satisfyContract();
    const message = failure(() => expect({ ...request, path: '/api/v1/customers/_bad/integrations/int-1', headers: { 'Content-Type': 'application/json' } }).to.satisfyContract());
    expect(message).to.include('violation  path  /id  pattern').and.include('value: "_bad"').and.include('violation  headers  /x-api-key  required');
    expect(failure(() => expect({ ...request, path: '/elsewhere' }).to.satisfyContract())).to.include('does not match');
  });

  it('reads a fetch Response\'s body from a clone when awaited, and leaves the caller\'s body unread', async () => {
    const ok = new Response(JSON.stringify(integration), { status: 200, headers: json });
    await expect(ok).to.satisfyContract();
    expect(ok.bodyUsed).to.equal(false);
    expect(await ok.json()).to.deep.equal(integration);
    const broken = new Response('{"data":{}}', { status: 200, headers: json });
    const message = await (async () => {
      try {
        await expect(broken).to.satisfyContract();
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).to.match(/^expected response 200 to satisfy PATCH .*:\n {2}violation {2}response:200 {2}\/data\S* {2}required/);
    await expect(new Response('{"data":{}}', { status: 200, headers: json })).not.to.satisfyContract();
  });

  it('asks for a fetch Response\'s body to be read first when it was already, never "missing Content-Type"', async () => {
    const read = new Response(JSON.stringify(integration), { status: 200, headers: json });
    await read.text();
    const message = failure(() => expect(read).to.satisfyContract());
    expect(message).to.include('a fetch Response whose body was already read (bodyUsed): pass what you read').and.not.include('content-type');
    // Its headers read as fetch gives them: a Headers object is a header map too.
    expect({ status: 200, headers: read.headers, body: integration }).to.satisfyContract();
  });

  it('judges an AxiosError by the response it carries, and names one without a response', () => {
    const axiosError = (response: unknown, code: string) => Object.assign(new Error(`Request failed (${code})`), { name: 'AxiosError', isAxiosError: true, code, config: { url: '/x' }, ...(response === undefined ? {} : { response, status: (response as { status: number }).status }) });
    expect(axiosError(axiosLike(404, { message: 'no', code: 'IntegrationNotFound' }), 'ERR_BAD_REQUEST')).to.satisfyContract();
    const wrong = failure(() => expect(axiosError(axiosLike(404, { message: 'no', code: 'Nope' }), 'ERR_BAD_REQUEST')).to.satisfyContract());
    expect(wrong).to.match(/^expected response 404 to satisfy/).and.include('/code  enum:');
    const refused = failure(() => expect(axiosError(undefined, 'ECONNREFUSED')).to.satisfyContract());
    expect(refused).to.include('an AxiosError without a response: the request got no answer (ECONNREFUSED)');
  });

  describe('against a real server (the reference provider, fetched as a user would)', () => {
    let provider: ReferenceProvider;
    before(async () => {
      provider = await startReferenceProvider({ apiKey: 'chai-key' });
    });
    after(() => provider.close());

    it('a live 200 and a live 401 both satisfy the contract', async () => {
      const send = async (key: string) => {
        const response = await fetch(`${provider.url}/api/v1/customers/globex/integrations/int-snowflake-01`, {
          method: 'PATCH', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: '{"syncedEntityId":"cus_9"}',
        });
        return { status: response.status, headers: Object.fromEntries(response.headers), rawBody: await response.text() };
      };
      const [ok, denied] = await Promise.all([send('chai-key'), send('wrong')]);
      expect(ok.status).to.equal(200);
      expect(ok).to.satisfyContract();
      expect(denied.status).to.equal(401);
      expect(denied).to.satisfyContract();
    });

    it('a live fetch Response, as fetch returns it, is judged when awaited', async () => {
      const response = await fetch(`${provider.url}/api/v1/customers/globex/integrations/int-snowflake-01`, {
        method: 'PATCH', headers: { 'x-api-key': 'chai-key', 'content-type': 'application/json' }, body: '{"syncedEntityId":"cus_9"}',
      });
      await expect(response).to.satisfyContract();
    });
  });
});
