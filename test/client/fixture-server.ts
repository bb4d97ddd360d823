/** A scripted HTTP server for client tests: answers each request with the next canned reply and records what it got. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned reply; `hang` holds the request open (for timeouts). */
export interface Reply {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Sent as is instead of JSON-encoding `body`. */
  readonly raw?: string;
  readonly hang?: true;
}

/** A request as the server saw it: the raw (still percent-encoded) path. */
export interface Seen {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface FixtureServer {
  readonly url: string;
  readonly seen: Seen[];
  reply(next: Reply): void;
  close(): Promise<void>;
}

/** Starts a server on an ephemeral port; every reply defaults to 200 with a JSON body. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const seen: Seen[] = [];
  let next: Reply = { status: 200, body: {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (next.hang) return;
      const text = next.raw ?? JSON.stringify(next.body ?? null);
      res.writeHead(next.status ?? 200, { 'content-type': 'application/json', ...next.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    reply(reply) {
      next = reply;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
