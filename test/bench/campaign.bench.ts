/**
 * Campaigns (issue 23): a `--max-time` campaign's random phase against `stigg-contract serve` in its own process, at
 * concurrency 1 and 8, as a ratio to a raw undici loop replaying exactly the requests the campaign sent (sequential
 * for 1, eight in flight for 8); and the harness's heap after a forced GC at 1k, 10k and 100k cases of one campaign.
 */
import { Pool } from 'undici';
import type { RunListener } from '../../src/events/index.js';
import { resolveVerifyOptions } from '../../src/runners/verify/options.js';
import { verify } from '../../src/runners/verify/verify-runner.js';
import { openContract, type OperationContract } from '../../src/validators/index.js';
import type { BenchContext, BenchModule } from './harness.js';
import { serveInChild } from './serve-child.js';

const API_KEY = 'bench-campaign-key';

interface WireRequest { method: string; path: string; headers: Record<string, string>; body: string | undefined }

const wireOf = (request: { method: string; path: string; headers: Readonly<Record<string, string>>; rawBody: string | undefined }): WireRequest => ({
  method: request.method,
  path: request.path,
  headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, value === '$STIGG_API_KEY' ? API_KEY : value])),
  body: request.rawBody,
});

/** The requests replayed with undici's request API, `inFlight` at a time over as many connections: requests per second. */
async function replayLoop(url: string, requests: readonly WireRequest[], inFlight: number): Promise<number> {
  const pool = new Pool(url, { connections: inFlight });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const request = requests[next++] as WireRequest;
      const answer = await pool.request({ method: request.method as 'PATCH', path: request.path, headers: request.headers, body: request.body ?? null });
      await answer.body.text();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const rate = (requests.length * 1000) / (performance.now() - started);
  await pool.destroy();
  return rate;
}

/** A campaign's random phase (the systematic phase off: it is not what a budget buys): cases/s and requests/s. */
async function campaign(contract: OperationContract, provider: { url: string; stateUrl: string }, maxTimeMs: number, concurrency: number, extra: RunListener = {}): Promise<{ cases: number; casesPerSecond: number; requestsPerSecond: number }> {
  let cases = 0;
  let requests = 0;
  let started = 0;
  let finished = 0;
  await verify(contract, resolveVerifyOptions({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, seed: 1, maxTimeMs, concurrency, skipPacts: true, systematic: false, failures: false, timeoutMs: 5000 }), {
    onStart: () => void (started = performance.now()),
    onExchange: (exchange, runs) => {
      cases++;
      requests += 1 + (exchange.related?.length ?? 0);
      extra.onExchange?.(exchange, runs);
    },
    onPhase: (outcome) => void (outcome.phase === 'random' && (finished = performance.now())),
  });
  const seconds = (finished - started) / 1000;
  return { cases, casesPerSecond: cases / seconds, requestsPerSecond: requests / seconds };
}

async function throughput(context: BenchContext, contract: OperationContract, provider: { url: string; stateUrl: string }): Promise<void> {
  await campaign(contract, provider, 3000, 1);
  for (const concurrency of [1, 8]) {
    const recorded: WireRequest[] = [];
    const done = await campaign(contract, provider, 10_000, concurrency, {
      onExchange: (exchange) => void recorded.push(wireOf(exchange.request), ...(exchange.related ?? []).map((r) => wireOf(r.request))),
    });
    const raw = await replayLoop(provider.url, recorded, concurrency);
    context.record({ name: `campaign --concurrency ${concurrency}: cases/s`, value: done.casesPerSecond, unit: 'cases/s', note: `${done.cases} cases in a 10 s budget` });
    context.record({ name: `campaign --concurrency ${concurrency}: requests/s`, value: done.requestsPerSecond, unit: 'req/s', note: 'related requests included' });
    context.record({ name: `raw replay of its ${recorded.length} requests, ${concurrency} in flight`, value: raw, unit: 'req/s' });
    context.record({ name: `campaign --concurrency ${concurrency} / raw replay`, value: done.requestsPerSecond / raw, unit: 'ratio' });
  }
}

async function memory(context: BenchContext, contract: OperationContract, provider: { url: string; stateUrl: string }): Promise<void> {
  const marks = new Set([1000, 10_000, 100_000]);
  let seen = 0;
  const base = context.heapMiB();
  // The budget is long enough for 100k cases; the runs cap ends the campaign there.
  await verify(contract, resolveVerifyOptions({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, seed: 2, maxTimeMs: 600_000, runs: 100_000, concurrency: 8, skipPacts: true, systematic: false, failures: false }), {
    onExchange: () => {
      if (marks.has(++seen)) context.record({ name: `campaign heap after ${seen / 1000}k cases`, value: context.heapMiB(), unit: 'MiB', note: `${base.toFixed(1)} MiB before the campaign` });
    },
  });
}

export const bench: BenchModule = async (context) => {
  const contract = await openContract();
  const provider = await serveInChild(API_KEY);
  try {
    await throughput(context, contract, provider);
    if (!process.env['BENCH_QUICK']) await memory(context, contract, provider);
  } finally {
    await provider.close();
  }
};
