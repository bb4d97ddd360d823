import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { request } from 'undici';
import { createStateClient } from '../../../src/runners/verify/state-client.js';
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
