/**
 * Arbitraries (issue 3): generated cases per second per arbitrary, valid and invalid, against the rate of loopback
 * HTTP round trips measured in the same run. Generation should cost little next to the requests it feeds: the target
 * is a ratio generation/round-trip of at least 20; each ratio is recorded as measured, with a note when it misses.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { request } from 'undici';
import * as arb from '../../src/arbitraries/index.js';
import { openContract, type OperationContract } from '../../src/validators/index.js';
import type { BenchModule } from './harness.js';

const TARGET_RATIO = 20;

/** Values per second, from chunks of fc.sample with changing seeds (as a runner draws them), for about `ms`. */
function generationRate(arbitrary: fc.Arbitrary<unknown>, ms: number): number {
  const chunk = 200;
  fc.sample(arbitrary, { seed: 0, numRuns: chunk });
  let made = 0;
  const started = performance.now();
  let now = started;
  for (let seed = 1; now - started < ms; seed++) {
    made += fc.sample(arbitrary, { seed, numRuns: chunk }).length;
    now = performance.now();
  }
  return (made * 1000) / (now - started);
}

/** Sequential PATCH round trips per second (undici `request`, keep-alive) to a loopback server answering tiny JSON. */
async function roundTripRate(requests: number): Promise<number> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/customers/acme/integrations/int-1`;
  const once = async (): Promise<void> => {
    const response = await request(url, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"syncedEntityId":null}' });
    await response.body.text();
  };
  const timed = async (): Promise<number> => {
    const started = performance.now();
    for (let i = 0; i < requests; i++) await once();
    return (requests * 1000) / (performance.now() - started);
  };
  try {
    // The first thousand requests warm up the JIT and the connection pool; then the better of two timed runs, so
    // that the ratio is taken against the fastest round trip seen (the demanding side).
    for (let i = 0; i < 1000; i++) await once();
    return Math.max(await timed(), await timed());
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function arbitraries(c: OperationContract): Array<[string, fc.Arbitrary<unknown>]> {
  return [
    ['slug (id) valid', arb.pathParamArbitrary(c, 'id')],
    ['slug (id) invalid', arb.invalidPathParamArbitrary(c, 'id')],
    ['integrationId valid', arb.pathParamArbitrary(c, 'integrationId')],
    ['integrationId invalid', arb.invalidPathParamArbitrary(c, 'integrationId')],
    ['body valid', arb.bodyArbitrary(c)],
    ['body invalid', arb.invalidBodyArbitrary(c)],
    ['headers valid', arb.headersArbitrary(c)],
    ['headers invalid', arb.invalidHeadersArbitrary(c)],
    ['response:200 valid', arb.responseArbitrary(c, 200)],
    ['response:200 invalid', arb.invalidResponseArbitrary(c, 200)],
    ['response:400 valid', arb.responseArbitrary(c, 400)],
    ['request valid', arb.validRequest(c)],
    ['request invalid', arb.invalidRequest(c)],
    ['request unauthenticated', arb.unauthenticatedRequest(c)],
    ['request any', arb.anyRequest(c)],
  ];
}

/** The reference provider in its own process, as a fuzzed server runs: sequential valid PATCHes per second. */
async function providerRoundTripRate(requests: number): Promise<number> {
  const bin = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--api-key', 'bench'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let text = '';
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const found = /listening on (http:\/\/\S+)/.exec(text);
        if (found?.[1]) resolve(found[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const url = `${base}/api/v1/customers/acme/integrations/int-stripe-main`;
    const once = async (): Promise<void> => {
      const response = await request(url, { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-api-key': 'bench' }, body: '{"syncedEntityId":null}' });
      await response.body.text();
    };
    for (let i = 0; i < 1000; i++) await once();
    const started = performance.now();
    for (let i = 0; i < requests; i++) await once();
    return (requests * 1000) / (performance.now() - started);
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * Round trips first — to a minimal in-process server (the most demanding baseline) and to the reference provider
 * in its own process (what a fuzz run talks to) — then each arbitrary: its rate and its ratio to both.
 */
export const bench: BenchModule = async ({ record }) => {
  const contract = await openContract();
  const roundTrips = await roundTripRate(2000);
  const providerTrips = await providerRoundTripRate(3000);
  record({ name: 'arbitraries: loopback round trips, minimal in-process server', value: roundTrips, unit: 'requests/s' });
  record({ name: 'arbitraries: loopback round trips, reference provider process', value: providerTrips, unit: 'requests/s' });
  for (const [name, arbitrary] of arbitraries(contract)) {
    const rate = generationRate(arbitrary, 400);
    const ratio = rate / roundTrips;
    const providerRatio = rate / providerTrips;
    record({ name: `arbitraries: ${name}`, value: rate, unit: 'cases/s' });
    record({ name: `arbitraries: ${name} / minimal round trip`, value: ratio, unit: 'x', note: ratio >= TARGET_RATIO ? `>= ${TARGET_RATIO}x` : `BELOW the ${TARGET_RATIO}x target` });
    record({ name: `arbitraries: ${name} / provider round trip`, value: providerRatio, unit: 'x', note: providerRatio >= TARGET_RATIO ? `>= ${TARGET_RATIO}x` : `BELOW the ${TARGET_RATIO}x target` });
  }
};
