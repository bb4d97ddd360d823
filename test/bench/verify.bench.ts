/**
 * verify's phase 2 throughput against a raw request loop on the same reference provider, in one run (issue 7):
 * harness requests/s at concurrency 1 over raw sequential requests/s (target: at least 0.8, i.e. generation,
 * validation and checks cost under 20%), the same at concurrency 4, and heap over 100k cases (target: flat).
 */
import { Pool } from 'undici';
import { CHECKS } from '../../src/checks/index.js';
import { type RunListener } from '../../src/events/index.js';
import { createReportBuilder } from '../../src/report/index.js';
import { startReferenceProvider } from '../../src/provider/index.js';
import { verify } from '../../src/runners/verify/verify-runner.js';
import { resolveVerifyOptions } from '../../src/runners/verify/options.js';
import { openContract, type OperationContract } from '../../src/validators/index.js';
import type { BenchContext, BenchModule } from './harness.js';
import { serveInChild } from './serve-child.js';

const API_KEY = 'bench-key';

/** Sequential valid PATCHes with undici's request API on one keep-alive connection: requests per second. */
async function rawLoop(url: string, requests: number): Promise<number> {
  const pool = new Pool(url, { connections: 1 });
  const once = async (i: number): Promise<void> => {
    const answer = await pool.request({
      method: 'PATCH',
      path: '/api/v1/customers/acme/integrations/int-stripe-main',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: `{"syncedEntityId":"cus_${i}"}`,
    });
    await answer.body.text();
  };
  for (let i = 0; i < 500; i++) await once(i);
  const started = performance.now();
  for (let i = 0; i < requests; i++) await once(i);
  const rate = (requests * 1000) / (performance.now() - started);
  await pool.destroy();
  return rate;
}

/** A recorded request, replayable without the harness. */
interface WireRequest { method: string; path: string; headers: Record<string, string>; body: string | undefined }

/** The same requests the harness sent, in order, sequentially with undici's request API: requests per second. */
async function replayLoop(url: string, requests: readonly WireRequest[]): Promise<number> {
  const pool = new Pool(url, { connections: 1 });
  const started = performance.now();
  for (const request of requests) {
    const answer = await pool.request({ method: request.method as 'PATCH', path: request.path, headers: request.headers, body: request.body ?? null });
    await answer.body.text();
  }
  const rate = (requests.length * 1000) / (performance.now() - started);
  await pool.destroy();
  return rate;
}

const wireOf = (request: { method: string; path: string; headers: Readonly<Record<string, string>>; rawBody: string | undefined }): WireRequest => ({
  method: request.method,
  path: request.path,
  headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, value === '$STIGG_API_KEY' ? API_KEY : value])),
  body: request.rawBody,
});

/** Runs phase 2 only (no pacts) and returns HTTP requests per second, counting related exchanges too. */
async function harness(contract: OperationContract, url: string, stateUrl: string, runs: number, concurrency: number, extra: RunListener = {}): Promise<number> {
  let requests = 0;
  let started = 0;
  let finished = 0;
  const builder = createReportBuilder({ contract, checks: CHECKS, baseUrl: url, seed: 1, runs });
  await verify(contract, resolveVerifyOptions({ baseUrl: url, stateUrl, apiKey: API_KEY, runs, seed: 1, timeoutMs: 5000, concurrency, strictContract: false, skipPacts: true }), {
    onStart: () => void (started = performance.now()),
    onExchange: (exchange, checkRuns) => {
      requests += 1 + (exchange.related?.length ?? 0);
      builder.onExchange?.(exchange, checkRuns);
      extra.onExchange?.(exchange, checkRuns);
    },
    onFinish: () => void (finished = performance.now()),
  });
  return (requests * 1000) / (finished - started);
}

async function memory(contract: OperationContract, url: string, stateUrl: string, bench: BenchContext): Promise<void> {
  const samples: number[] = [];
  let seen = 0;
  await harness(contract, url, stateUrl, 100_000, 4, {
    onExchange: () => {
      seen++;
      if (seen % 20_000 === 0) samples.push(bench.heapMiB());
    },
  });
  samples.forEach((heap, i) => bench.record({ name: `verify: heap after ${(i + 1) * 20}k cases`, value: heap, unit: 'MiB' }));
  const first = samples[0] ?? 0;
  bench.record({ name: 'verify: heap growth from 20k to 100k cases', value: (samples.at(-1) ?? first) - first, unit: 'MiB', note: 'target: flat' });
}

async function measure(context: BenchContext, contract: OperationContract, where: string, provider: { url: string; stateUrl: string }): Promise<void> {
  const raw = await rawLoop(provider.url, 5000);
  // Warm-up, as the raw loop has one: the first thousands of cases run before the JIT has compiled the hot paths.
  await harness(contract, provider.url, provider.stateUrl, 3000, 1);
  const recorded: WireRequest[] = [];
  const one = await harness(contract, provider.url, provider.stateUrl, 10_000, 1, {
    onExchange: (exchange) => void recorded.push(wireOf(exchange.request), ...(exchange.related ?? []).map((r) => wireOf(r.request))),
  });
  const sameWork = await replayLoop(provider.url, recorded);
  const four = await harness(contract, provider.url, provider.stateUrl, 10_000, 4);
  const baseline = Math.max(raw, await rawLoop(provider.url, 5000));
  context.record({ name: `${where}: raw loop, undici request, one valid PATCH`, value: baseline, unit: 'req/s', note: 'sequential; better of two runs' });
  context.record({ name: `${where}: raw loop replaying verify's ${recorded.length} requests`, value: sameWork, unit: 'req/s', note: 'sequential' });
  context.record({ name: `${where}: verify phase 2, --concurrency 1`, value: one, unit: 'req/s' });
  context.record({ name: `${where}: verify phase 2, --concurrency 4`, value: four, unit: 'req/s' });
  context.record({ name: `${where}: concurrency 1 / raw replay of the same requests`, value: one / sameWork, unit: 'ratio', note: 'target >= 0.8' });
  context.record({ name: `${where}: concurrency 1 / raw loop of one PATCH`, value: one / baseline, unit: 'ratio' });
  context.record({ name: `${where}: concurrency 4 / raw loop of one PATCH`, value: four / baseline, unit: 'ratio' });
}

export const bench: BenchModule = async (context) => {
  const contract = await openContract();
  const child = await serveInChild(API_KEY);
  try {
    await measure(context, contract, 'separate process', child);
  } finally {
    await child.close();
  }
  const provider = await startReferenceProvider({ apiKey: API_KEY });
  try {
    await measure(context, contract, 'in-process', provider);
    if (!process.env['BENCH_QUICK']) await memory(contract, provider.url, provider.stateUrl, context);
  } finally {
    await provider.close();
  }
};
