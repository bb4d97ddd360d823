/** The mock's HTTP plumbing: reading a request body under a cap, and writing a reply as JSON. */
import { BAD_INPUT_CODE } from '../../checks/index.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { MockReply } from './types.js';

/** A reply's media type when the contract documents none for its status (every status here documents this one). */
export const JSON_CONTENT_TYPE = 'application/json';

/** Bytes of an unread body the server discards after replying (keeping the connection) before it hangs up instead. */
const DRAIN_LIMIT_BYTES = 4 * 2 ** 20;

/** The body as text, `tooLarge` past `limitBytes` (no longer buffered), or `aborted` when the client went away. */
export type BodyRead = { readonly text: string } | { readonly tooLarge: true } | { readonly aborted: true };

/** Reads the whole body as UTF-8 text (malformed bytes become U+FFFD, which the validators then see). */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<BodyRead> {
  if (Number(request.headers['content-length'] ?? 0) > limitBytes) return Promise.resolve({ tooLarge: true });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead): void => {
      request.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) finish({ tooLarge: true });
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish({ text: Buffer.concat(chunks, size).toString('utf8') });
    const onAbort = (): void => finish({ aborted: true });
    const onClose = (): void => {
      if (!request.complete) onAbort();
    };
    request.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
  });
}

/** Reads and drops what is left of a body, bounded by DRAIN_LIMIT_BYTES, so the connection can be reused. */
function discardRest(request: IncomingMessage): void {
  let seen = 0;
  request.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_LIMIT_BYTES) request.socket.destroy();
  });
  request.on('error', () => undefined);
  request.resume();
}

/** The bytes of a reply's body: a pact's raw text as is, a value as JSON, nothing when there is none. */
export const payloadOf = (reply: MockReply): string => reply.rawBody ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));

/** Writes the reply as `contentType`; a body left unread is discarded afterwards, or the connection closed when it is (or says it is) too big. */
export function writeReply(request: IncomingMessage, response: ServerResponse, reply: MockReply, contentType: string = JSON_CONTENT_TYPE): void {
  if (response.headersSent || response.destroyed) return;
  const payload = payloadOf(reply);
  const declared = Number(request.headers['content-length'] ?? 0);
  const hangUp = !request.complete && !(declared <= DRAIN_LIMIT_BYTES);
  response.writeHead(reply.status, {
    ...reply.headers,
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(payload)),
    'cache-control': 'no-store',
    ...(hangUp ? { connection: 'close' } : {}),
  });
  response.end(payload);
  if (!request.complete) discardRest(request);
}

/** Requests Node cannot parse (bad request line or headers): a JSON 400 rather than Node's bare one; not logged. */
export function answerUnparsable(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const payload = JSON.stringify({ message: `malformed HTTP request (${error.code ?? 'parse error'})`, code: BAD_INPUT_CODE });
  socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: ${JSON_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`);
}
