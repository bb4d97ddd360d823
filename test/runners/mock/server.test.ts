import { request as httpRequest } from 'node:http';
import { expect } from 'chai';
import { StiggIntegrationsClient } from '../../../src/client/index.js';
import { parseRetryAfter } from '../../../src/http/retry-after.js';
import { responseSeed } from '../../../src/runners/mock/index.js';
import { API_KEY, closeAll, record, send, shippedContract, startMock, type Answer } from './helpers.js';

/** Asserts the answer is JSON and the contract (intent reading) accepts it for its status. */
async function expectConforming(answer: Answer): Promise<void> {
  const contract = await shippedContract();
  expect(answer.headers.get('content-type')).to.equal('application/json; charset=utf-8');
  const result = contract.validateResponse({ status: answer.status, headers: { 'content-type': 'application/json' }, rawBody: answer.text });
  expect(result.matched, answer.text).to.equal(true);
  expect(result.verdict, JSON.stringify(result)).to.not.equal('violation');
}

describe('runners/mock: answers', () => {
  afterEach(closeAll);

  it('answers a valid request with a schema-valid 200 that echoes the decoded integration id and the sent syncedEntityId', async () => {
    const mock = await startMock();
    const sent = await send(mock.operationUrl('acme|eu@1.0', 'int/stripe 1'), { body: '{"syncedEntityId":"cus_Nffr"}' });
    expect(sent.status).to.equal(200);
    await expectConforming(sent);
    expect(record(record(sent.json)['data'])).to.include({ id: 'int/stripe 1', syncedEntityId: 'cus_Nffr' });
    const unlink = await send(mock.operationUrl('acme', 'int-1'), { body: '{"syncedEntityId":null}' });
    expect(record(record(unlink.json)['data'])).to.include({ id: 'int-1', syncedEntityId: null });
  });

  it('serves the project client: updateIntegration returns the record and the client finds nothing to object to', async () => {
    const mock = await startMock();
    const client = new StiggIntegrationsClient({ baseUrl: mock.url, apiKey: API_KEY, validateResponses: await shippedContract() });
    const integration = await client.updateIntegration('acme-corp', 'int-stripe-main', { syncedEntityId: 'cus_42' });
    expect(integration.id).to.equal('int-stripe-main');
    expect(integration.syncedEntityId).to.equal('cus_42');
  });

  it('answers an invalid body or slug with 400 BadUserInput naming the part, pointer and constraint', async () => {
    const mock = await startMock();
    const long = await send(mock.operationUrl('acme', 'int-1'), { body: JSON.stringify({ syncedEntityId: 'x'.repeat(256) }) });
    expect(long.status).to.equal(400);
    await expectConforming(long);
    expect(record(long.json)['code']).to.equal('BadUserInput');
    expect(record(long.json)['message']).to.contain('body /syncedEntityId (maxLength)');
    const slug = await send(mock.operationUrl('-acme', 'int-1'));
    expect(slug.status).to.equal(400);
    expect(record(slug.json)['message']).to.contain('path /id (pattern)').and.contain('"-acme"');
    const notJson = await send(mock.operationUrl('acme', 'int-1'), { body: '{"syncedEntityId":' });
    expect(record(notJson.json)['message']).to.contain('body (root) (json)');
  });

  it('answers 401 Unauthenticated without a key, whatever else is wrong, and with an empty key; any other key is fine', async () => {
    const mock = await startMock();
    const none = await send(mock.operationUrl('-acme', 'int-1'), { key: null, body: '{"nope":1}' });
    expect(none.status).to.equal(401);
    await expectConforming(none);
    expect(record(none.json)).to.include({ code: 'Unauthenticated' });
    expect(record(none.json)['message']).to.contain('X-API-KEY');
    expect((await send(mock.operationUrl('acme', 'int-1'), { key: '' })).status).to.equal(401);
    expect((await send(mock.operationUrl('acme', 'int-1'), { key: 'anything at all' })).status).to.equal(200);
  });

  it('answers another path or method with a documented 404 saying what it serves', async () => {
    const mock = await startMock();
    for (const answer of [await send(`${mock.url}/api/v1/customers/acme`), await send(mock.operationUrl('acme', 'int-1'), { method: 'GET' })]) {
      expect(answer.status).to.equal(404);
      await expectConforming(answer);
      expect(record(answer.json)['message']).to.contain('this mock serves only PATCH /api/v1/customers/{id}/integrations/{integrationId}');
    }
  });

  it('answers Prefer: code=404/403/429 (or status=) with that status and a schema-valid body; a 429 says Retry-After', async () => {
    const mock = await startMock();
    const url = mock.operationUrl('acme', 'int-1');
    for (const [prefer, status] of [['code=404', 404], ['status=403', 403], ['code="429"', 429], ['return=minimal, code=400', 400]] as const) {
      const answer = await send(url, { headers: { prefer } });
      expect(answer.status, prefer).to.equal(status);
      await expectConforming(answer);
      expect(record(answer.json)['code'], prefer).to.be.a('string');
    }
    const limited = await send(url, { headers: { prefer: 'code=429' } });
    expect(parseRetryAfter(limited.headers.get('retry-after') ?? '', 0)).to.equal(1000);
    const pinned = await send(url, { headers: { prefer: 'code=404, example=IntegrationNotFound' } });
    expect(record(pinned.json)['code']).to.equal('IntegrationNotFound');
  });

  it('refuses a Prefer it cannot honour with 400 listing what is documented', async () => {
    const mock = await startMock();
    const url = mock.operationUrl('acme', 'int-1');
    const undocumented = await send(url, { headers: { prefer: 'code=500' } });
    expect(undocumented.status).to.equal(400);
    expect(record(undocumented.json)['message']).to.contain('documented: 200, 400, 401, 403, 404, 429');
    const badCode = await send(url, { headers: { prefer: 'code=404, example=NoSuchCode' } });
    expect(record(badCode.json)['message']).to.contain('IntegrationNotFound');
    // An invalid request is still a 400 about the request, whatever it prefers.
    const invalid = await send(mock.operationUrl('-acme', 'int-1'), { headers: { prefer: 'code=404' } });
    expect(record(invalid.json)['message']).to.contain('path /id (pattern)');
  });

  it('replays: the same seed and request order give the same responses; another seed gives others', async () => {
    const run = async (seed: number): Promise<string[]> => {
      const mock = await startMock({ seed });
      const texts: string[] = [];
      for (const prefer of ['', 'code=404', '', 'code=403']) texts.push((await send(mock.operationUrl('acme', 'int-1'), prefer ? { headers: { prefer } } : {})).text);
      return texts;
    };
    const [first, again, other] = [await run(7), await run(7), await run(8)];
    expect(again).to.deep.equal(first);
    expect(other).to.not.deep.equal(first);
    expect(new Set(first).size).to.equal(4);
    expect(responseSeed(7, 0)).to.not.equal(responseSeed(7, 1));
  });

  it('refuses a body over the cap (1 MiB by default) with 400, whether declared or streamed', async () => {
    const mock = await startMock();
    const answer = await send(mock.operationUrl('acme', 'int-1'), { body: JSON.stringify({ syncedEntityId: 'y'.repeat(2 ** 20) }) });
    expect(answer.status).to.equal(400);
    await expectConforming(answer);
    expect(record(answer.json)['message']).to.contain(`over ${2 ** 20} bytes`);
    const small = await startMock({ bodyLimitBytes: 64 });
    const streamed = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(small.operationUrl('acme', 'int-1'), { method: 'PATCH', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
      // No Content-Length: chunked, so the cap is met while reading.
      for (let chunk = 0; chunk < 3; chunk++) request.write(`{"syncedEntityId":"${'z'.repeat(40)}`);
      request.end('"}');
    });
    expect(streamed.status).to.equal(400);
    expect(streamed.text).to.contain('over 64 bytes');
  });
});
