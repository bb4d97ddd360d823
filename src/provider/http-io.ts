/** The provider's HTTP plumbing: responses as data, writing them, and reading a request body under a size cap. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InputIssue } from './validate-input.js';

/** A response as data, so handlers can be composed and wrapped (a broken variant can rewrite any field). */
export interface ProviderResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Every error body: `{"message", "code"}`, with a code from the documented enum of its status. */
export function errorResponse(status: number, code: string, message: string, headers?: Readonly<Record<string, string>>): ProviderResponse {
  return headers ? { status, body: { message, code }, headers } : { status, body: { message, code } };
}

/** 400 BadUserInput for a broken input rule. */
export function badInput(issue: InputIssue): ProviderResponse {
  return errorResponse(400, 'BadUserInput', issue.message);
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Bytes of an unread request body the server discards (keeping the connection) before it hangs up instead. */
export const DRAIN_LIMIT_BYTES = 4 * 2 ** 20;

/**
 * Writes `response` as JSON. A body the handler did not read is discarded afterwards, up to DRAIN_LIMIT_BYTES;
 * a bigger (or declared bigger) one gets `Connection: close` and the socket is dropped.
 */
export function writeResponse(request: IncomingMessage, response: ServerResponse, data: ProviderResponse): void {
  if (response.headersSent || response.destroyed) return;
  const payload = JSON.stringify(data.body);
  const declared = Number(request.headers['content-length'] ?? 0);
  const hangUp = !request.complete && !(declared <= DRAIN_LIMIT_BYTES);
  response.writeHead(data.status, {
    ...data.headers,
    'content-type': JSON_CONTENT_TYPE,
    'content-length': String(Buffer.byteLength(payload)),
    'cache-control': 'no-store',
    ...(hangUp ? { connection: 'close' } : {}),
  });
  response.end(payload);
  if (!request.complete) discardRest(request);
}

/** Reads and drops what is left of a request body, bounded by DRAIN_LIMIT_BYTES. */
function discardRest(request: IncomingMessage): void {
  let seen = 0;
  request.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_LIMIT_BYTES) request.socket.destroy();
  });
  request.on('error', () => undefined);
  request.resume();
}

export type BodyText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issue: InputIssue };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const bodyIssue = (constraint: string, message: string): BodyText => ({ ok: false, issue: { field: 'body', constraint, message } });

/** Reads the whole body as UTF-8 text, refusing (and no longer buffering) past `limitBytes`. */
export function readBodyText(request: IncomingMessage, limitBytes: number): Promise<BodyText> {
  const tooLarge = bodyIssue('size', `request body must be at most ${limitBytes} bytes`);
  const encoding = request.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    return Promise.resolve(bodyIssue('Content-Encoding', `Content-Encoding ${JSON.stringify(encoding)} is not supported; send identity`));
  }
  if (Number(request.headers['content-length'] ?? 0) > limitBytes) return Promise.resolve(tooLarge);
  if (request.readableEnded) return Promise.resolve(bodyIssue('required', 'request body was already consumed'));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyText): void => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) finish(tooLarge);
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      try {
        finish({ ok: true, text: utf8.decode(Buffer.concat(chunks, size)) });
      } catch {
        finish(bodyIssue('encoding', 'request body is not valid UTF-8'));
      }
    };
    const onError = (): void => finish(bodyIssue('incomplete', 'request body could not be read to its end'));
    const onClose = (): void => {
      if (!request.complete) onError();
    };
    request.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
