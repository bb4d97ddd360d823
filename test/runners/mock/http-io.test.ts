import { connect } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { expect } from 'chai';
import type { LogEntry } from '../../../src/runners/mock/index.js';
import { API_KEY, closeAll, startMock } from './helpers.js';

const PATH = '/api/v1/customers/acme/integrations/int-1';

/** Writes raw bytes to the mock and collects everything it sends back until it closes the socket (bounded). */
function raw(port: number, bytes: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => socket.destroy(), 5_000);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
    socket.write(bytes);
  });
}

/** A PATCH with this body (and extra header lines), closing the connection after the reply. */
function patch(body: Buffer, headers: readonly string[] = []): Buffer {
  const head = [`PATCH ${PATH} HTTP/1.1`, 'Host: x', `X-API-KEY: ${API_KEY}`, 'Content-Type: application/json', `Content-Length: ${body.length}`, 'Connection: close', ...headers];
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

const statusOf = (reply: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1]);

describe('runners/mock: HTTP I/O as real JSON servers do it', () => {
  afterEach(closeAll);

  it('says charset=utf-8 after the JSON media type, as Express, Fastify and NestJS do', async () => {
    const mock = await startMock();
    const reply = await raw(mock.port, patch(Buffer.from('{"syncedEntityId":"cus_1"}')));
    expect(statusOf(reply)).to.equal(200);
    expect(reply).to.match(/\r\ncontent-type: application\/json; charset=utf-8\r\n/i);
    const malformed = await raw(mock.port, 'NOT HTTP\r\n\r\n');
    expect(statusOf(malformed)).to.equal(400);
    expect(malformed).to.match(/content-type: application\/json; charset=utf-8/i).and.contain('BadUserInput');
  });

  it('refuses a body that is not UTF-8 (RFC 8259 §8.1) and logs it as a violation, rather than repairing it', async () => {
    const entries: LogEntry[] = [];
    const mock = await startMock({ onExchange: (entry) => entries.push(entry) });
    const latin1 = Buffer.from('{"syncedEntityId":"caf\u00e9"}', 'latin1');
    const reply = await raw(mock.port, patch(latin1));
    expect(statusOf(reply)).to.equal(400);
    expect(reply).to.contain('not valid UTF-8');
    expect(entries[0]?.verdict).to.equal('violation');
    expect(entries[0]?.issues.map((issue) => issue.keyword)).to.deep.equal(['encoding']);
    const utf8 = await raw(mock.port, patch(Buffer.from('{"syncedEntityId":"caf\u00e9"}', 'utf8')));
    expect(statusOf(utf8)).to.equal(200);
  });

  it('decodes gzip, deflate and br bodies as body-parser does; an unknown coding or an output past the cap is a 400', async () => {
    const entries: LogEntry[] = [];
    const mock = await startMock({ onExchange: (entry) => entries.push(entry), bodyLimitBytes: 256 });
    const json = Buffer.from('{"syncedEntityId":"cus_zipped"}');
    for (const [coding, bytes] of [['gzip', gzipSync(json)], ['deflate', deflateSync(json)], ['br', brotliCompressSync(json)]] as const) {
      const reply = await raw(mock.port, patch(bytes, [`Content-Encoding: ${coding}`]));
      expect(statusOf(reply), coding).to.equal(200);
      expect(reply, coding).to.contain('"syncedEntityId":"cus_zipped"');
    }
    expect(await raw(mock.port, patch(json, ['Content-Encoding: zstd']))).to.contain('Content-Encoding zstd cannot be read');
    const bomb = gzipSync(Buffer.from(`{"syncedEntityId":"${'a'.repeat(4000)}"}`));
    expect(bomb.length).to.be.below(256);
    expect(await raw(mock.port, patch(bomb, ['Content-Encoding: gzip']))).to.contain('over 256 bytes');
    expect(entries.map((entry) => entry.issues.map((issue) => issue.keyword).join())).to.deep.equal(['', '', '', 'contentEncoding', 'maxBytes']);
  });

  it('ignores bytes after a Connection: close request (RFC 9112 §9.6): one reply, no 400 appended', async () => {
    const mock = await startMock();
    const reply = await raw(mock.port, Buffer.concat([patch(Buffer.from('{"syncedEntityId":"cus_1"}')), Buffer.from('GARBAGE\r\n\r\n')]));
    expect(statusOf(reply)).to.equal(200);
    expect(reply.match(/HTTP\/1\.1 /g)).to.have.length(1);
  });
});
