/**
 * Sends a request exactly as given (path untouched: no URL parser normalises `%2E` segments) over one keep-alive
 * undici pool. `timeoutMs` bounds the whole exchange, from sending to the last body byte: one watchdog timer sweeps
 * the requests in flight (a timer per request cost more than the checks), with undici's header and body timeouts
 * beside it. Redirects are not followed: a 3xx is an answer. A body in Content-Encoding gzip, deflate or br is decoded.
 */
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { ReceivedResponse, ResponseOutcome, TransportErrorKind } from '../../checks/index.js';
import { codingsOf, decodeContent } from '../../http/content-coding.js';
import { normaliseHeaders } from '../../http/headers.js';

export interface TransportOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly connections: number;
  /** Ctrl+C: the exchanges in flight are abandoned, and no request is sent after it. */
  readonly signal?: AbortSignal;
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
  if (error instanceof PastDeadline) return 'timeout';
  const code = (error as { code?: string }).code ?? '';
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError || code === 'UND_ERR_ABORTED' || (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') return 'timeout';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'connection-reset';
  if (code.startsWith('HPE_') || code === 'UND_ERR_INFO') return 'protocol';
  return 'other';
}

/** Why an exchange was abandoned: the whole of it took longer than the deadline. */
class PastDeadline extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no complete response within ${timeoutMs} ms`);
  }
}

/**
 * Aborts exchanges still running past their deadline. One interval (started with the first request, unref'd, stopped
 * on close: a timer per request, or one started and stopped around each, costs more than the checks) checks every
 * quarter of the timeout: an exchange ends at most a quarter late.
 */
class Watchdog {
  private readonly running = new Map<object, { readonly deadline: number; abort(): void }>();
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly timeoutMs: number) {}
  watch(key: object, abort: () => void): void {
    this.running.set(key, { deadline: performance.now() + this.timeoutMs, abort });
    this.timer ??= setInterval(() => this.sweep(), Math.max(5, this.timeoutMs / 4)).unref();
  }
  done(key: object): void {
    this.running.delete(key);
  }
  /** Abandons every exchange in flight (the run was interrupted). */
  abortAll(): void {
    const running = [...this.running.values()];
    this.running.clear();
    for (const entry of running) entry.abort();
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
  private sweep(): void {
    if (this.running.size === 0) return;
    const now = performance.now();
    for (const [key, entry] of this.running) {
      if (entry.deadline > now) continue;
      this.running.delete(key);
      entry.abort();
    }
  }
}

/** What an exchange abandoned at Ctrl+C says (the run reports none of them). */
const INTERRUPTED = 'the run was interrupted';
/** How far a response had come when it failed: its headers arrived (when, with which status), so much of the body. */
interface BodyProgress {
  readonly status: number;
  readonly headersAt: number;
  readonly received: number;
  readonly declared: number | undefined;
}

/** What happened to an answer whose headers came and whose body did not: a slow provider, not an absent one. */
function bodyFailure(progress: BodyProgress, started: number, error: unknown, timeoutMs: number): { headersAfterMs: number; message: string } {
  const headersAfterMs = Math.round(progress.headersAt - started);
  const bytes = `${progress.received}${progress.declared === undefined ? '' : ` of ${progress.declared}`} bytes`;
  const why = kindOf(error) === 'timeout' ? `body incomplete at the ${timeoutMs} ms deadline` : `body cut off (${(error as Error).message})`;
  return { headersAfterMs, message: `headers after ${headersAfterMs} ms (status ${progress.status}), ${why} (${bytes})` };
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
function collect(limit: number, started: (abort: (reason: Error) => void) => void, settle: (outcome: { status: number; headers: Record<string, string>; bytes: Buffer } | { error: unknown; progress?: BodyProgress }) => void): Dispatcher.DispatchHandler {
  let status = 0;
  let headersAt: number | undefined;
  let headers: Record<string, string> = {};
  let chunks: Buffer[] = [];
  let size = 0;
  return {
    onRequestStart(controller) {
      started((reason) => controller.abort(reason));
    },
    onResponseStart(controller, statusCode, raw) {
      status = statusCode;
      headersAt = performance.now();
      headers = normaliseHeaders(raw);
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
      settle({ status, headers, bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks) });
    },
    onResponseError(_controller, error) {
      settle(headersAt === undefined ? { error } : { error, progress: { status, headersAt, received: size, declared: Number(headers['content-length']) || undefined } });
    },
  };
}

/** Opens a transport to `baseUrl` (origin plus an optional base path). */
export function createTransport(options: TransportOptions): Transport {
  const url = new URL(options.baseUrl);
  const pool = new Pool(url.origin, { connections: options.connections, pipelining: 1, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  const prefix = url.pathname.replace(/\/$/, '');
  const watchdog = new Watchdog(options.timeoutMs);
  options.signal?.addEventListener('abort', () => watchdog.abortAll(), { once: true });
  return {
    prefix,
    send(request) {
      if (options.signal?.aborted) return Promise.resolve({ error: 'other', message: INTERRUPTED });
      const started = performance.now();
      const key = {};
      return new Promise<ResponseOutcome>((resolve) => {
        pool.dispatch(
          { method: request.method as 'PATCH', path: prefix + request.path, headers: request.headers, body: request.body ?? null },
          collect(options.maxBodyBytes, (abort) => (options.signal?.aborted ? abort(new PastDeadline(options.timeoutMs)) : watchdog.watch(key, () => abort(new PastDeadline(options.timeoutMs)))), (outcome) => {
            watchdog.done(key);
            const elapsedMs = performance.now() - started;
            if ('bytes' in outcome) {
              const { status, headers, bytes } = outcome;
              if (codingsOf(headers['content-encoding']).length === 0) return resolve({ status, headers, rawBody: bytes.toString('utf8'), elapsedMs } satisfies ReceivedResponse);
              // A compressed answer is read as fetch and the SDKs read it: decoded, under the same cap.
              void decodeContent(bytes, headers['content-encoding'], options.maxBodyBytes).then((decoded) => resolve(decoded.ok
                ? { status, headers, rawBody: decoded.bytes.toString('utf8'), elapsedMs }
                : { error: decoded.problem === 'too-large' ? 'too-large' : 'protocol', message: `${decoded.message} (status ${status})`, elapsedMs }));
            } else if (outcome.error instanceof TooLarge) {
              resolve({ error: 'too-large', message: `response body over ${options.maxBodyBytes} bytes (status ${outcome.error.status})`, elapsedMs });
            } else if (outcome.progress) {
              resolve({ error: kindOf(outcome.error), ...bodyFailure(outcome.progress, started, outcome.error, options.timeoutMs), elapsedMs });
            } else {
              resolve({ error: kindOf(outcome.error), message: (outcome.error as Error).message, elapsedMs });
            }
          }),
        );
      });
    },
    close: () => {
      watchdog.stop();
      return pool.destroy();
    },
  };
}
