import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { request } from 'undici';
import { createStateClient, INTERRUPTED_TEARDOWN_MS } from '../../../src/runners/verify/state-client.js';
import { startStateRelay } from '../../../src/runners/verify/state-relay.js';

/** A state URL behind a limiter: the first `refusals` POSTs get 429 (Retry-After: 0), then each is answered 200. */
async function limitedStateUrl(refusals: number): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  let seen = 0;
  const server: Server = createServer((incoming, outgoing) => {
    let body = '';
    incoming.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    incoming.on('end', () => {
      bodies.push(body);
      if (seen++ < refusals) return void outgoing.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"message":"slow down","code":"RateLimitExceeded"}');
      outgoing.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ injected: 'value' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/_pact/provider-states`,
    bodies,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const CHANGE = { state: 'a customer with an integration', params: { customerId: 'acme', integrationId: 'int-1' } };

describe('state changes behind a rate limiter', () => {
  it('the state client waits out 429s and sends the change again', async () => {
    const states = await limitedStateUrl(2);
    try {
      await createStateClient(states.url, { timeoutMs: 1000 }).change(CHANGE, 'setup');
      expect(states.bodies).to.have.length(3);
      expect(new Set(states.bodies)).to.deep.equal(new Set([JSON.stringify({ ...CHANGE, action: 'setup' })]));
    } finally {
      await states.close();
    }
  });

  it('past its budget or its attempts, a 429 is the answer: the change fails, naming it', async () => {
    const states = await limitedStateUrl(100);
    try {
      const failed = await createStateClient(states.url, { timeoutMs: 1000, backoff: { maxWaitMs: 5, budgetMs: 60_000, maxAttempts: 4 } }).change(CHANGE, 'teardown').then(() => undefined, (error: unknown) => error);
      expect(String(failed)).to.contain('state change "a customer with an integration" (teardown) answered 429');
      expect(states.bodies).to.have.length(4);
    } finally {
      await states.close();
    }
  });

  it('the relay for Pact\'s verifier passes the body and the final answer through, 429s waited out', async () => {
    const states = await limitedStateUrl(1);
    const relay = await startStateRelay(states.url, { timeoutMs: 1000 });
    try {
      const body = JSON.stringify({ ...CHANGE, action: 'setup' });
      const answer = await request(relay.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(answer.statusCode).to.equal(200);
      expect(await answer.body.json()).to.deep.equal({ injected: 'value' });
      expect(states.bodies).to.deep.equal([body, body]);
    } finally {
      await relay.close();
      await states.close();
    }
  });
});

/** A state URL answering each POST as `answer` says (by its order, from 0), counting them; `arrived` when one came. */
async function scriptedStateUrl(answer: (index: number, body: string) => { status: number; delayMs?: number } | 'hang'): Promise<{ url: string; bodies: string[]; arrived: Promise<void>; close(): Promise<void> }> {
  const bodies: string[] = [];
  let first: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => {
    first = resolve;
  });
  const server: Server = createServer((incoming, outgoing) => {
    let body = '';
    incoming.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    incoming.on('end', () => {
      const planned = answer(bodies.length, body);
      bodies.push(body);
      first();
      if (planned === 'hang') return;
      const send = (): void => void outgoing.writeHead(planned.status, { 'content-type': 'application/json' }).end(planned.status === 200 ? '{}' : '{"message":"state broken"}');
      if (planned.delayMs) setTimeout(send, planned.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/_pact/provider-states`,
    bodies,
    arrived,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('state changes: their own deadline, teardowns tried again, failures named', () => {
  it('a teardown answered 500 is sent again, and succeeds on a later try without a problem reported', async () => {
    const states = await scriptedStateUrl((index) => ({ status: index < 2 ? 500 : 200 }));
    const failed: string[] = [];
    try {
      await createStateClient(states.url, { timeoutMs: 2000, onTeardownFailed: (_change, message) => void failed.push(message) }).change(CHANGE, 'teardown');
      expect(states.bodies).to.have.length(3);
      expect(failed).to.deep.equal([]);
    } finally {
      await states.close();
    }
  });

  it('a teardown that fails every try is told once, naming the state; while teardowns keep failing the next gets one try', async () => {
    const states = await scriptedStateUrl(() => ({ status: 500 }));
    const failed: Array<[string, string]> = [];
    try {
      const client = createStateClient(states.url, { timeoutMs: 2000, onTeardownFailed: (change, message) => void failed.push([change.state, message]) });
      const thrown = await client.change(CHANGE, 'teardown').then(() => undefined, (error: unknown) => error);
      expect(String(thrown)).to.contain('state change "a customer with an integration" (teardown) answered 500');
      expect(states.bodies).to.have.length(3);
      await client.change(CHANGE, 'teardown').catch(() => undefined);
      expect(states.bodies).to.have.length(4);
      expect(failed).to.deep.equal([
        ['a customer with an integration', 'the teardown of provider state "a customer with an integration" failed (3 tries): answered 500: {"message":"state broken"}'],
        ['a customer with an integration', 'the teardown of provider state "a customer with an integration" failed (one try): answered 500: {"message":"state broken"}'],
      ]);
      // A set-up is not retried, nor told as a teardown problem: it fails the run's set-up as before.
      await client.change(CHANGE, 'setup').catch(() => undefined);
      expect(states.bodies).to.have.length(5);
      expect(failed).to.have.length(2);
    } finally {
      await states.close();
    }
  });

  it('a state change slower than the state deadline fails, saying so; the exchange deadline plays no part', async () => {
    const states = await scriptedStateUrl(() => 'hang');
    try {
      const thrown = await createStateClient(states.url, { timeoutMs: 50 }).change(CHANGE, 'setup').then(() => undefined, (error: unknown) => error);
      expect(String(thrown)).to.contain('state change "a customer with an integration" (setup) failed: no answer within 50 ms');
    } finally {
      await states.close();
    }
  });

  it('after Ctrl+C a set-up in flight is abandoned at once, and a teardown gets one short try', async () => {
    const states = await scriptedStateUrl(() => 'hang');
    const controller = new AbortController();
    const failed: string[] = [];
    try {
      const client = createStateClient(states.url, { timeoutMs: 600_000, signal: controller.signal, onTeardownFailed: (_change, message) => void failed.push(message) });
      const setup = client.change(CHANGE, 'setup').then(() => undefined, (error: unknown) => error);
      await states.arrived;
      controller.abort();
      expect(String(await setup)).to.contain('(setup) failed: the run was interrupted');
      await client.change(CHANGE, 'teardown').catch(() => undefined);
      expect(states.bodies).to.have.length(2);
      expect(failed).to.deep.equal([`the teardown of provider state "a customer with an integration" failed (one try: the run was interrupted): no answer within ${INTERRUPTED_TEARDOWN_MS} ms of the interruption`]);
    } finally {
      await states.close();
    }
  });
});
