/**
 * A loopback relay for Pact's verifier (phase 1) in front of the provider's state URL: each state change is passed on
 * as sent and its answer passed back, but a 429 from a limiter in front of the state URL is waited out first (Pact's
 * verifier would take it as a failed state change and fail the interaction).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStatePoster } from './state-client.js';

/** A running relay: give `url` to the verifier as its state-change URL. */
export interface StateRelay {
  readonly url: string;
  close(): Promise<void>;
}

/** The most of a state-change body the relay reads: state and params, never a payload. */
const MAX_BODY_BYTES = 1 << 20;

/** Starts a relay to `stateUrl` on 127.0.0.1, on a free port; `onChange` sees each body the state URL accepted. */
export async function startStateRelay(stateUrl: string, timeoutMs: number, onChange?: (body: string) => void, headers: Readonly<Record<string, string>> = {}): Promise<StateRelay> {
  const post = createStatePoster(stateUrl, timeoutMs, undefined, headers);
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    incoming.on('end', () => {
      if (size > MAX_BODY_BYTES) return void outgoing.writeHead(413).end();
      const body = Buffer.concat(chunks).toString('utf8');
      post(body, 'state change').then(
        (answer) => {
          if (answer.status >= 200 && answer.status < 300) onChange?.(body);
          outgoing.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' }).end(answer.text);
        },
        (error: Error) => outgoing.writeHead(502, { 'content-type': 'text/plain' }).end(error.message),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
