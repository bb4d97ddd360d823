/**
 * A loopback relay for Pact's verifier (phase 1) in front of the provider's state URL: each state change is passed on
 * as sent and its answer passed back, but as verify's own state changes are: a 429 from a limiter in front of the
 * state URL is waited out first (Pact's verifier would take it as a failed state change), each POST has the state
 * deadline, and a failed teardown is sent again, then told to `onTeardownFailed`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStatePoster, stateFailure, teardownFailure, type StateAction, type StateChange, type StatePostOptions } from './state-client.js';

/** A running relay: give `url` to the verifier as its state-change URL. */
export interface StateRelay {
  readonly url: string;
  /** Waits for the changes still being passed on (each within its deadline), then stops. */
  close(): Promise<void>;
}

/** What the relay tells its owner, besides the failed teardowns. */
export interface RelayOptions extends StatePostOptions {
  /** Sees each set-up as it is passed on (one abandoned in flight at Ctrl+C may still be applied: it needs undoing). */
  readonly onSetup?: (change: StateChange) => void;
  /** Sees each teardown the state URL accepted. */
  readonly onTeardown?: (change: StateChange) => void;
}

/** The most of a state-change body the relay reads: state and params, never a payload. */
const MAX_BODY_BYTES = 1 << 20;

/** A state-change body's state, params and action, or undefined when it is not one. */
export function parseChange(body: string): { readonly change: StateChange; readonly action: StateAction } | undefined {
  try {
    const parsed = JSON.parse(body) as { state?: unknown; params?: unknown; action?: unknown };
    if ((parsed.action !== 'setup' && parsed.action !== 'teardown') || typeof parsed.state !== 'string') return undefined;
    const params = parsed.params !== null && typeof parsed.params === 'object' ? (parsed.params as Record<string, unknown>) : {};
    return { change: { state: parsed.state, params }, action: parsed.action };
  } catch {
    return undefined;
  }
}

/** Starts a relay to `stateUrl` on 127.0.0.1, on a free port. */
export async function startStateRelay(stateUrl: string, options: RelayOptions): Promise<StateRelay> {
  const post = createStatePoster(stateUrl, options);
  const pending = new Set<Promise<void>>();
  const pass = async (body: string): Promise<{ status: number; contentType: string; text: string }> => {
    const parsed = parseChange(body);
    if (parsed?.action === 'setup') options.onSetup?.(parsed.change);
    const outcome = await post(body, parsed?.action);
    const why = stateFailure(outcome);
    if (parsed?.action === 'teardown' && why === undefined) options.onTeardown?.(parsed.change);
    if (parsed?.action === 'teardown' && why !== undefined) options.onTeardownFailed?.(parsed.change, teardownFailure(parsed.change.state, outcome, options.signal?.aborted === true));
    return 'failed' in outcome ? { status: 502, contentType: 'text/plain', text: outcome.failed } : { status: outcome.status, contentType: outcome.contentType ?? 'application/json', text: outcome.text };
  };
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    incoming.on('end', () => {
      if (size > MAX_BODY_BYTES) return void outgoing.writeHead(413).end();
      const job = pass(Buffer.concat(chunks).toString('utf8')).then((answer) => void outgoing.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.text));
      pending.add(job);
      void job.finally(() => pending.delete(job));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      await Promise.all(pending);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
