/**
 * The harness' HTTP server I/O, in one place (the reference provider keeps its own copy on purpose): reading a
 * request body as a real JSON server does, writing a reply, and answering bytes Node cannot parse as HTTP.
 * Where servers differ, this follows what the common ones do and what RFC 8259 requires of JSON:
 * - replies say `; charset=utf-8` after a JSON media type, as Express, Fastify and NestJS send it;
 * - a body in `Content-Encoding` gzip, deflate or br is decoded first (as body-parser does), under the same cap;
 * - a body that is not UTF-8 is refused (JSON between systems MUST be UTF-8, RFC 8259 §8.1), not silently repaired;
 * - after a `Connection: close` request, further bytes on the socket are ignored (RFC 9112 §9.6).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { BAD_INPUT_CODE } from '../../checks/index.js';
import { codingsOf, decodeContent } from '../../http/content-coding.js';
import { isJsonMediaType } from '../../http/media-type.js';
import type { BodyIssue, MockReply } from './types.js';

/** A reply's media type when the contract documents none for its status (every status here documents this one). */
export const JSON_CONTENT_TYPE = 'application/json';

/** Bytes of an unread body the server discards after replying (keeping the connection) before it hangs up instead. */
const DRAIN_LIMIT_BYTES = 4 * 2 ** 20;

/** The body as text (with the issue that makes it unusable, if any), or `aborted` when the client went away. */
export type BodyRead = { readonly text: string | undefined; readonly issue?: BodyIssue } | { readonly aborted: true };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const tooLarge = (limitBytes: number): BodyRead => ({ text: undefined, issue: { keyword: 'maxBytes', message: `the body is over ${limitBytes} bytes, the most this mock reads` } });

/** Undoes the body's content codings, refusing an unknown one and any output past the cap. */
async function decode(bytes: Buffer, header: string | undefined, limitBytes: number): Promise<Buffer | BodyRead> {
  const decoded = await decodeContent(bytes, header, limitBytes);
  if (decoded.ok) return decoded.bytes;
  return decoded.problem === 'too-large' ? tooLarge(limitBytes) : { text: undefined, issue: { keyword: 'contentEncoding', message: decoded.message } };
}

/** Text of the decoded bytes; bytes that are not UTF-8 are an issue (the text then shows them as U+FFFD). */
function textOf(bytes: Buffer): BodyRead {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { text: bytes.toString('utf8'), issue: { keyword: 'encoding', message: 'the body is not valid UTF-8 (JSON between systems must be UTF-8, RFC 8259 §8.1)' } };
  }
}

/** Collects the body's bytes up to `limitBytes`; undefined past it (no longer buffered), null when the client went away. */
function collect(request: IncomingMessage, limitBytes: number): Promise<Buffer | undefined | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | undefined | null): void => {
      request.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) finish(undefined);
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    const onAbort = (): void => finish(null);
    const onClose = (): void => {
      if (!request.complete) onAbort();
    };
    request.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
  });
}

/** Reads the whole body: decoded from its Content-Encoding, then as UTF-8, at most `limitBytes` either way. */
export async function readBody(request: IncomingMessage, limitBytes: number): Promise<BodyRead> {
  if (Number(request.headers['content-length'] ?? 0) > limitBytes) return tooLarge(limitBytes);
  const bytes = await collect(request, limitBytes);
  if (bytes === null) return { aborted: true };
  if (bytes === undefined) return tooLarge(limitBytes);
  const codings = codingsOf(request.headers['content-encoding']);
  const decoded = codings.length === 0 || bytes.length === 0 ? bytes : await decode(bytes, request.headers['content-encoding'], limitBytes);
  return Buffer.isBuffer(decoded) ? textOf(decoded) : decoded;
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

/** The Content-Type header for a media type: JSON ones with `; charset=utf-8`, as the common JSON servers send them. */
export function contentTypeHeader(mediaType: string): string {
  return isJsonMediaType(mediaType) && !/;\s*charset=/i.test(mediaType) ? `${mediaType}; charset=utf-8` : mediaType;
}

/** Writes the reply as `mediaType`; a body left unread is discarded afterwards, or the connection closed when it is (or says it is) too big. */
export function writeReply(request: IncomingMessage, response: ServerResponse, reply: MockReply, mediaType: string = JSON_CONTENT_TYPE): void {
  if (response.headersSent || response.destroyed) return;
  const payload = payloadOf(reply);
  const declared = Number(request.headers['content-length'] ?? 0);
  const hangUp = !request.complete && !(declared <= DRAIN_LIMIT_BYTES);
  response.writeHead(reply.status, {
    ...reply.headers,
    'content-type': contentTypeHeader(mediaType),
    'content-length': String(Buffer.byteLength(payload)),
    'cache-control': 'no-store',
    ...(hangUp ? { connection: 'close' } : {}),
  });
  response.end(payload);
  if (!request.complete) discardRest(request);
}

/** Requests Node cannot parse (bad request line or headers): a JSON 400 rather than Node's bare one; not logged. */
export function answerUnparsable(error: Error & { code?: string }, socket: Socket): void {
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  // Bytes after a `Connection: close` request are not a request (RFC 9112 §9.6): let its reply finish, then close.
  if (error.code === 'HPE_CLOSED_CONNECTION' && inFlight) return;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const payload = JSON.stringify({ message: `malformed HTTP request (${error.code ?? 'parse error'})`, code: BAD_INPUT_CODE });
  socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: ${contentTypeHeader(JSON_CONTENT_TYPE)}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`);
}
