import { expect } from 'chai';
import type { ReferenceProvider } from '../../src/provider/index.js';
import { API_KEY, expectError, OPERATION, patch, raw, send, start } from './helpers.js';

const json = { 'x-api-key': API_KEY, 'content-type': 'application/json' };

describe('provider: input rules (400 BadUserInput naming field and constraint)', () => {
  let provider: ReferenceProvider;
  before(async () => {
    provider = await start();
  });
  afterEach(() => provider.reset());
  after(() => provider.close());

  const badSlugs: readonly [string, string, readonly string[]][] = [
    ['empty', '', ['"id"', 'minLength']],
    ['256 characters', `a${'b'.repeat(255)}`, ['"id"', 'maxLength', '256']],
    ['leading underscore', '_acme', ['"id"', 'pattern']],
    ['leading dot', '.acme', ['"id"', 'pattern']],
    ['illegal character', 'acme!corp', ['"id"', 'pattern']],
    ['space (encoded)', 'acme%20corp', ['"id"', 'pattern']],
    ['slash (encoded)', 'acme%2Fcorp', ['"id"', 'pattern']],
    ['plus', 'acme+corp', ['"id"', 'pattern']],
    ['non-ASCII letter (encoded)', 'acm%C3%A9', ['"id"', 'pattern']],
    ['encoded newline at the end', 'acme%0A', ['"id"', 'pattern']],
    ['encoded byte order mark', '%EF%BB%BFacme', ['"id"', 'pattern']],
    ['malformed escape', 'acme%ZZ', ['"id"', 'percent-encoding', '%ZZ']],
    ['truncated escape', 'acme%4', ['"id"', 'percent-encoding']],
    ['lone percent', 'acme%', ['"id"', 'percent-encoding']],
    ['escape that is not UTF-8', 'acme%FF', ['"id"', 'UTF-8']],
    ['encoded lone surrogate', 'acme%ED%A0%80', ['"id"', 'UTF-8']],
  ];
  for (const [name, slug, parts] of badSlugs) {
    it(`slug id: ${name}`, async () => {
      expectError(await send(provider, { path: OPERATION(slug, 'int-snowflake-01'), headers: json, body: '{"syncedEntityId":null}' }), 400, 'BadUserInput', parts);
    });
  }

  const badIntegrationIds: readonly [string, string, readonly string[]][] = [
    ['empty segment', '', ['"integrationId"', 'empty']],
    ['256 code points', encodeURIComponent('🚀'.repeat(256)), ['"integrationId"', 'maxLength', '256']],
    ['malformed escape', 'int%G1', ['"integrationId"', 'percent-encoding']],
    ['escape that is not UTF-8', 'int%C3', ['"integrationId"', 'UTF-8']],
  ];
  for (const [name, integrationId, parts] of badIntegrationIds) {
    it(`integrationId: ${name}`, async () => {
      expectError(await send(provider, { path: OPERATION('globex', integrationId), headers: json, body: '{"syncedEntityId":null}' }), 400, 'BadUserInput', parts);
    });
  }

  it('checks id before integrationId', async () => {
    expectError(await send(provider, { path: OPERATION('_x', ''), headers: json, body: '{}' }), 400, 'BadUserInput', ['"id"']);
  });

  const badBodies: readonly [string, string, readonly string[]][] = [
    ['empty', '', ['required']],
    ['not JSON', '{syncedEntityId: null}', ['not valid JSON']],
    ['truncated JSON', '{"syncedEntityId": "a"', ['not valid JSON']],
    ['an array', '[{"syncedEntityId":null}]', ['JSON object', 'array']],
    ['null', 'null', ['JSON object', 'null']],
    ['a string', '"x"', ['JSON object', 'string']],
    ['missing syncedEntityId', '{}', ['"syncedEntityId"', 'required']],
    ['a misspelt property', '{"syncedEntityID":"x"}', ['"syncedEntityId"', 'required']],
    ['an extra property', '{"syncedEntityId":"x","vendorIdentifier":"STRIPE"}', ['"vendorIdentifier"', 'additionalProperties']],
    ['a __proto__ property', '{"syncedEntityId":"x","__proto__":{}}', ['"__proto__"', 'additionalProperties']],
    ['a number', '{"syncedEntityId":42}', ['"syncedEntityId"', 'string or null', 'number']],
    ['a boolean', '{"syncedEntityId":false}', ['"syncedEntityId"', 'boolean']],
    ['an object', '{"syncedEntityId":{"id":"x"}}', ['"syncedEntityId"', 'object']],
    ['an array value', '{"syncedEntityId":["x"]}', ['"syncedEntityId"', 'array']],
    ['256 characters', JSON.stringify({ syncedEntityId: 'x'.repeat(256) }), ['"syncedEntityId"', 'maxLength', '256']],
    ['256 emoji', JSON.stringify({ syncedEntityId: '😀'.repeat(256) }), ['"syncedEntityId"', 'code points', '256']],
  ];
  for (const [name, body, parts] of badBodies) {
    it(`body: ${name}`, async () => {
      expectError(await patch(provider, OPERATION('globex', 'int-snowflake-01'), body), 400, 'BadUserInput', parts);
      expect(provider.store.integration('globex', 'int-snowflake-01')?.syncedEntityId).to.equal('GLOBEX_DB.PUBLIC');
    });
  }

  it('body: bytes that are not UTF-8', async () => {
    const body = Buffer.concat([Buffer.from('{"syncedEntityId":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expectError(await send(provider, { path: OPERATION('globex', 'int-snowflake-01'), headers: json, body }), 400, 'BadUserInput', ['UTF-8']);
  });

  const badContentTypes: readonly [string, Record<string, string>][] = [
    ['missing', { 'x-api-key': API_KEY }],
    ['text/plain', { 'x-api-key': API_KEY, 'content-type': 'text/plain' }],
    ['form', { 'x-api-key': API_KEY, 'content-type': 'application/x-www-form-urlencoded' }],
    ['a +json suffix', { 'x-api-key': API_KEY, 'content-type': 'application/merge-patch+json' }],
    ['a longer name', { 'x-api-key': API_KEY, 'content-type': 'application/jsonx' }],
    ['a non-UTF-8 charset', { 'x-api-key': API_KEY, 'content-type': 'application/json; charset=iso-8859-1' }],
  ];
  for (const [name, headers] of badContentTypes) {
    it(`Content-Type: ${name}`, async () => {
      const reply = await send(provider, { path: OPERATION('globex', 'int-snowflake-01'), headers, body: '{"syncedEntityId":null}' });
      expectError(reply, 400, 'BadUserInput', ['Content-Type']);
    });
  }

  it('Content-Encoding other than identity', async () => {
    const headers = { ...json, 'content-encoding': 'gzip' };
    expectError(await send(provider, { path: OPERATION('globex', 'int-snowflake-01'), headers, body: '{"syncedEntityId":null}' }), 400, 'BadUserInput', ['Content-Encoding']);
  });

  it('body over 64 KiB (declared length): 400, and the connection still answers', async () => {
    const body = JSON.stringify({ syncedEntityId: 'x'.repeat(2 ** 20) });
    expectError(await patch(provider, OPERATION('globex', 'int-snowflake-01'), body), 400, 'BadUserInput', ['at most 65536 bytes']);
    expect((await patch(provider, OPERATION('globex', 'int-snowflake-01'), { syncedEntityId: 'ok' })).status).to.equal(200);
  });

  it('body over 64 KiB (chunked, no length): stops reading and answers 400', async () => {
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(4096, 0x20));
    const reply = await send(provider, { path: OPERATION('globex', 'int-snowflake-01'), headers: json, chunks, body: '{"syncedEntityId":null}' });
    expectError(reply, 400, 'BadUserInput', ['65536']);
  });

  it('a declared body of 10 GB is refused at once, without waiting for it', async () => {
    const head = `PATCH ${OPERATION('globex', 'int-snowflake-01')} HTTP/1.1\r\nHost: x\r\nX-API-KEY: ${API_KEY}\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n{`;
    const reply = await raw(provider, head);
    expectError(reply, 400, 'BadUserInput', ['65536']);
    expect(reply.headers['connection']).to.equal('close');
  });

  it('a body of exactly the limit is read (then judged on its content)', async () => {
    const padding = 65536 - JSON.stringify({ syncedEntityId: null }).length;
    const body = `${' '.repeat(padding)}{"syncedEntityId":null}`;
    expect(Buffer.byteLength(body)).to.equal(65536);
    expect((await patch(provider, OPERATION('globex', 'int-snowflake-01'), body)).status).to.equal(200);
  });
});
