import { expect } from 'chai';
import type { ReferenceProvider } from '../../src/provider/index.js';
import { API_KEY, expectError, OPERATION, raw, send, start } from './helpers.js';

const json = { 'x-api-key': API_KEY, 'content-type': 'application/json' };

describe('provider: routes outside the operation, and requests Node cannot parse', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await start();
  });
  after(() => provider.close());

  for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS']) {
    it(`${method} on the operation path: 404 CustomerResourceNotFound, Allow: PATCH, data untouched`, async () => {
      const reply = await send(provider, { method, path: OPERATION('globex', 'int-snowflake-01'), headers: json, body: '{"syncedEntityId":"x"}' });
      expectError(reply, 404, 'CustomerResourceNotFound', [method]);
      expect(reply.headers['allow']).to.equal('PATCH');
      expect(provider.store.integration('globex', 'int-snowflake-01')?.syncedEntityId).to.equal('GLOBEX_DB.PUBLIC');
    });
  }

  it('HEAD on the operation path: 404 with the JSON content type and no body', async () => {
    const reply = await send(provider, { method: 'HEAD', path: OPERATION('globex', 'int-snowflake-01'), headers: json });
    expect(reply.status).to.equal(404);
    expect(reply.headers['content-type']).to.equal('application/json; charset=utf-8');
  });

  const otherPaths = [
    '/',
    '/api/v1/customers/globex',
    '/api/v1/customers/globex/integrations',
    '/api/v1/customers/globex/integrations/int-snowflake-01/',
    '/api/v1/customers/globex/integrations/a/b',
    '/api/v2/customers/globex/integrations/int-snowflake-01',
    '//api/v1/customers/globex/integrations/int-snowflake-01',
    '/API/V1/customers/globex/integrations/int-snowflake-01',
  ];
  for (const path of otherPaths) {
    it(`PATCH ${path}: 404 CustomerResourceNotFound`, async () => {
      expectError(await send(provider, { path, headers: json, body: '{"syncedEntityId":"x"}' }), 404, 'CustomerResourceNotFound');
    });
  }

  it('GET on the state-change path: 404, Allow: POST', async () => {
    const reply = await send(provider, { method: 'GET', path: '/_pact/provider-states' });
    expectError(reply, 404, 'CustomerResourceNotFound');
    expect(reply.headers['allow']).to.equal('POST');
  });

  it('accepts an absolute-form request target', async () => {
    const target = `http://127.0.0.1:${provider.port}${OPERATION('globex', 'int-bigquery-01')}`;
    const reply = await raw(provider, `PATCH ${target} HTTP/1.1\r\nHost: x\r\nX-API-KEY: ${API_KEY}\r\nContent-Type: application/json\r\nContent-Length: 23\r\n\r\n{"syncedEntityId":null}`);
    expect(reply.status, reply.text).to.equal(200);
  });

  const unparsable: readonly [string, Buffer | string][] = [
    ['raw non-ASCII bytes in the path', Buffer.concat([Buffer.from('PATCH /api/v1/customers/acm'), Buffer.from('é', 'utf8'), Buffer.from('/integrations/x HTTP/1.1\r\nHost: x\r\n\r\n')])],
    ['a space in the path', 'PATCH /api/v1/customers/a b/integrations/x HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a lower-case method', 'patch /api/v1/customers/a/integrations/x HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['garbage', 'HELLO\r\n\r\n'],
    ['both Content-Length and chunked', 'PATCH / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['headers over 16 KiB', `PATCH / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
  ];
  for (const [name, bytes] of unparsable) {
    it(`unparsable request (${name}): 400 JSON, not a bare Node error`, async () => {
      expectError(await raw(provider, bytes), 400, 'BadUserInput', ['malformed HTTP request']);
    });
  }

  it('an Expect header other than 100-continue is ignored (no 417)', async () => {
    const reply = await send(provider, { path: OPERATION('globex', 'int-snowflake-01'), headers: { ...json, expect: 'something-else' }, body: '{"syncedEntityId":"e"}' });
    expect(reply.status, reply.text).to.equal(200);
  });

  it('Expect: 100-continue works', async () => {
    const reply = await send(provider, { path: OPERATION('globex', 'int-snowflake-01'), headers: { ...json, expect: '100-continue' }, body: '{"syncedEntityId":"c"}' });
    expect(reply.status, reply.text).to.equal(200);
  });
});
