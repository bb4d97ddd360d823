/**
 * Sends a request exactly as given (path untouched: no URL parser normalises `%2E` segments) over one keep-alive
 * undici pool. Deadlines are undici's own: `timeoutMs` for the response headers, and again for any pause inside the
 * body; with the size cap, that bounds every request. (A per-request AbortSignal timer cost more than the checks.)
 * Redirects are not followed: a 3xx is an answer.
 */
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { ReceivedResponse, ResponseOutcome, TransportErrorKind } from '../../checks/index.js';

export interface TransportOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly connections: number;
}

/** One request on the wire. */
export interface WireRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

export interface Transport {
  send(request: WireRequest): Promise<ResponseOutcome>;
  close(): Promise<void>;
  /** The base URL's path prefix, prepended to every operation path. */
  readonly prefix: string;
}

function kindOf(error: unknown): TransportErrorKind {
  const code = (error as { code?: string }).code ?? '';
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError || code === 'UND_ERR_ABORTED' || (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') return 'timeout';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'connection-reset';
  if (code.startsWith('HPE_') || code === 'UND_ERR_INFO') return 'protocol';
  return 'other';
}

function headersOf(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** Why a body was abandoned: it passed the cap. */
class TooLarge extends Error {
  constructor(readonly status: number) {
    super(`response body over the cap (status ${status})`);
  }
}

/**
 * Collects one response through undici's dispatch handler interface: status, headers and the body as bytes, with
 * no stream in between (the request API wraps every body in a Readable, which cost more than the body here).
 * Over `limit` bytes, declared or read, the request is aborted rather than buffered.
 */
function collect(limit: number, settle: (outcome: { status: number; headers: Record<string, string>; text: string } | { error: unknown }) => void): Dispatcher.DispatchHandler {
  let status = 0;
  let headers: Record<string, string> = {};
  let chunks: Buffer[] = [];
  let size = 0;
  return {
    // Its presence is what tells undici this handler speaks the current interface, not the deprecated one.
    onRequestStart() {},
    onResponseStart(controller, statusCode, raw) {
      status = statusCode;
      headers = headersOf(raw);
      chunks = [];
      size = 0;
      const declared = Number(headers['content-length']);
      if (declared > limit) controller.abort(new TooLarge(status));
    },
    onResponseData(controller, chunk) {
      size += chunk.length;
      if (size > limit) controller.abort(new TooLarge(status));
      else chunks.push(chunk);
    },
    onResponseEnd() {
      settle({ status, headers, text: chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8') });
    },
    onResponseError(_controller, error) {
      settle({ error });
    },
  };
}

/** Opens a transport to `baseUrl` (origin plus an optional base path). */
export function createTransport(options: TransportOptions): Transport {
  const url = new URL(options.baseUrl);
  const pool = new Pool(url.origin, { connections: options.connections, pipelining: 1, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  const prefix = url.pathname.replace(/\/$/, '');
  return {
    prefix,
    send(request) {
      const started = performance.now();
      return new Promise<ResponseOutcome>((resolve) => {
        pool.dispatch(
          { method: request.method as 'PATCH', path: prefix + request.path, headers: request.headers, body: request.body ?? null },
          collect(options.maxBodyBytes, (outcome) => {
            const elapsedMs = performance.now() - started;
            if ('text' in outcome) {
              resolve({ status: outcome.status, headers: outcome.headers, rawBody: outcome.text, elapsedMs } satisfies ReceivedResponse);
            } else if (outcome.error instanceof TooLarge) {
              resolve({ error: 'too-large', message: `response body over ${options.maxBodyBytes} bytes (status ${outcome.error.status})`, elapsedMs });
            } else {
              resolve({ error: kindOf(outcome.error), message: (outcome.error as Error).message, elapsedMs });
            }
          }),
        );
      });
    },
    close: () => pool.destroy(),
  };
}
