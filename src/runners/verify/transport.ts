/**
 * Sends a request exactly as given (path untouched: no URL parser normalises `%2E` segments) over one keep-alive
 * undici pool. Deadlines are undici's own: `timeoutMs` for the response headers, and again for any pause inside the
 * body; with the size cap, that bounds every request. (A per-request AbortSignal timer cost more than the checks.)
 * Redirects are not followed: a 3xx is an answer.
 */
import { Pool, errors as undiciErrors } from 'undici';
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

/** Reads at most `limit` bytes; more than that is a `too-large` failure (the body is abandoned, not buffered). */
async function readCapped(body: AsyncIterable<Buffer>, limit: number): Promise<{ text: string } | { tooLarge: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) return { tooLarge: size };
    chunks.push(chunk);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

/** Opens a transport to `baseUrl` (origin plus an optional base path). */
export function createTransport(options: TransportOptions): Transport {
  const url = new URL(options.baseUrl);
  const pool = new Pool(url.origin, { connections: options.connections, pipelining: 1, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  const prefix = url.pathname.replace(/\/$/, '');
  return {
    prefix,
    async send(request) {
      const started = performance.now();
      const elapsed = (): number => performance.now() - started;
      try {
        const answer = await pool.request({
          method: request.method as 'PATCH',
          path: prefix + request.path,
          headers: request.headers,
          body: request.body ?? null,
        });
        const declared = Number(answer.headers['content-length']);
        // A declared, small enough body is read in one go; anything else is streamed under the cap.
        const body = declared <= options.maxBodyBytes ? { text: await answer.body.text() } : await readCapped(answer.body, options.maxBodyBytes);
        if ('tooLarge' in body) {
          answer.body.destroy();
          return { error: 'too-large', message: `response body over ${options.maxBodyBytes} bytes (status ${answer.statusCode})`, elapsedMs: elapsed() };
        }
        const response: ReceivedResponse = { status: answer.statusCode, headers: headersOf(answer.headers), rawBody: body.text, elapsedMs: elapsed() };
        return response;
      } catch (error) {
        return { error: kindOf(error), message: (error as Error).message, elapsedMs: elapsed() };
      }
    },
    close: () => pool.destroy(),
  };
}
