import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { expect } from 'chai';
import { createTransport, type Transport } from '../../../src/runners/verify/transport.js';

const JSON_BODY = JSON.stringify({ data: { id: 'int-1', syncedEntityId: 'é😀' } });

/** Answers by path: the body in one Content-Encoding (or a broken one), always as bytes with a Content-Length. */
const ANSWERS: Readonly<Record<string, { coding?: string; bytes: Buffer }>> = {
  '/identity': { bytes: Buffer.from(JSON_BODY) },
  '/gzip': { coding: 'gzip', bytes: gzipSync(JSON_BODY) },
  '/x-gzip': { coding: 'X-GZIP', bytes: gzipSync(JSON_BODY) },
  '/deflate': { coding: 'deflate', bytes: deflateSync(JSON_BODY) },
  '/br': { coding: 'br', bytes: brotliCompressSync(JSON_BODY) },
  '/twice': { coding: 'gzip, br', bytes: brotliCompressSync(gzipSync(JSON_BODY)) },
  '/claims-gzip': { coding: 'gzip', bytes: Buffer.from(JSON_BODY) },
  '/zstd': { coding: 'zstd', bytes: Buffer.from('(zstd frame)') },
  '/bomb': { coding: 'gzip', bytes: gzipSync(Buffer.alloc(64 * 1024, 0x20)) },
};

describe('verify transport: compressed answers are read as fetch and the SDKs read them', () => {
  let server: Server;
  let transport: Transport;
  before(async () => {
    server = createServer((request, response) => {
      const answer = ANSWERS[request.url ?? ''] ?? { bytes: Buffer.from('{}') };
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(answer.bytes.length), ...(answer.coding ? { 'content-encoding': answer.coding } : {}) });
      response.end(answer.bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    transport = createTransport({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 2000, maxBodyBytes: 16 * 1024, connections: 2 });
  });
  after(async () => {
    await transport.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const send = (path: string) => transport.send({ method: 'PATCH', path, headers: {}, body: '{}' });

  for (const path of ['/identity', '/gzip', '/x-gzip', '/deflate', '/br', '/twice']) {
    it(`${path.slice(1)}: the body as the server meant it, UTF-8 intact`, async () => {
      const outcome = await send(path);
      expect(outcome).to.include({ status: 200, rawBody: JSON_BODY });
    });
  }

  it('a body that is not in the coding it claims is a protocol failure, as it is to any client', async () => {
    expect(await send('/claims-gzip')).to.include({ error: 'protocol' }).and.have.property('message').that.contains('not valid gzip');
  });

  it('a coding no client here can read is a protocol failure that names it', async () => {
    expect(await send('/zstd')).to.include({ error: 'protocol' }).and.have.property('message').that.contains('zstd');
  });

  it('a small body that decodes past the cap is refused as too large, not inflated', async () => {
    expect(await send('/bomb')).to.include({ error: 'too-large' });
  });
});
