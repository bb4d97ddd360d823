/** Starts the reference provider: an HTTP server on loopback, seeded, with the state-change endpoint beside it. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { errorResponse, JSON_CONTENT_TYPE, writeResponse, type ProviderResponse } from './http-io.js';
import { OPERATION_PATH_TEMPLATE, STATE_CHANGE_PATH } from './path.js';
import { createReferenceApp, DEFAULT_BODY_LIMIT_BYTES, type ReferenceAppOptions } from './app.js';
import type { RequestHandler } from './router.js';
import type { Store } from './store.js';

export interface ReferenceProviderOptions extends ReferenceAppOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Wraps the whole request handler, e.g. to build a deliberately broken variant. */
  readonly wrap?: (handler: RequestHandler) => RequestHandler;
}

/** A running provider. `url` is the base URL: append the operation path to it. */
export interface ReferenceProvider {
  readonly url: string;
  readonly stateUrl: string;
  readonly port: number;
  /** The operation URL for a customer and integration, each percent-encoded as one path segment. */
  operationUrl(customerId: string, integrationId: string): string;
  /** The live data (read it to see what a PATCH did). */
  readonly store: Store;
  /** Back to the seed: updates, state setups and rate-limit buckets forgotten. */
  reset(): void;
  close(): Promise<void>;
}


/** Starts the provider; rejects on bad options or when the port cannot be bound (e.g. EADDRINUSE). */
export async function startReferenceProvider(options: ReferenceProviderOptions): Promise<ReferenceProvider> {
  const { port = 0, host = '127.0.0.1', apiKey, rateLimitPerSecond, bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES } = options;
  checkOptions(port, apiKey, rateLimitPerSecond, bodyLimitBytes);
  const app = createReferenceApp(options);
  const { store } = app;
  const handler = options.wrap ? options.wrap(app.handler) : app.handler;
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, (request, response) => void serve(handler, request, response));
  // Any Expect value other than 100-continue would get Node's automatic 417, an undocumented status.
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => void serve(handler, request, response));
  server.on('clientError', answerUnparsable);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  return {
    url,
    stateUrl: `${url}${STATE_CHANGE_PATH}`,
    port: bound,
    operationUrl: (customerId, integrationId) =>
      url + OPERATION_PATH_TEMPLATE.replace('{id}', segment(customerId)).replace('{integrationId}', segment(integrationId)),
    store,
    reset: () => app.reset(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Percent-encodes one path segment, leaving `@` (legal in a segment, and in slugs) readable. */
function segment(value: string): string {
  return encodeURIComponent(value).replaceAll('%40', '@');
}

/** Runs the handler and writes its answer; nothing a client sends can produce a 5xx. */
async function serve(handler: RequestHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let answer: ProviderResponse;
  try {
    answer = await handler(request);
  } catch {
    // Only a defect of this provider lands here; the contract documents no 5xx, so answer 400 rather than 500.
    answer = errorResponse(400, 'BadUserInput', 'the request could not be processed');
  }
  try {
    writeResponse(request, response, answer);
  } catch {
    response.destroy();
  }
}

/** Requests Node cannot parse (bad request line, bad header, oversized headers): 400 JSON instead of Node's bare 400/431. */
function answerUnparsable(error: Error & { code?: string }, socket: Socket): void {
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  // Bytes after a `Connection: close` request are not a request (RFC 9112 §9.6): let its response finish, then close.
  if (error.code === 'HPE_CLOSED_CONNECTION' && inFlight) return;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const payload = JSON.stringify({ message: `malformed HTTP request (${error.code ?? 'parse error'})`, code: 'BadUserInput' });
  const head = `HTTP/1.1 400 Bad Request\r\nContent-Type: ${JSON_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n`;
  socket.end(head + payload);
}

function checkOptions(port: number, apiKey: string, rateLimitPerSecond: number | undefined, bodyLimitBytes: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be an integer in 0..65535, got ${port}`);
  if (typeof apiKey !== 'string' || apiKey === '') throw new TypeError('apiKey must be a non-empty string');
  if (rateLimitPerSecond !== undefined && !(rateLimitPerSecond > 0 && Number.isFinite(rateLimitPerSecond))) {
    throw new RangeError(`rateLimitPerSecond must be a positive number, got ${rateLimitPerSecond}`);
  }
  if (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes < 1) throw new RangeError(`bodyLimitBytes must be a positive integer, got ${bodyLimitBytes}`);
}
