/**
 * The reference provider under load on loopback (autocannon, in-process): throughput and p99 latency of valid
 * PATCHes over ~5 s with 10 connections, then heap growth across 100k requests (a leak would show there).
 */
import autocannon from 'autocannon';
import { startReferenceProvider } from '../../src/provider/index.js';
import type { BenchModule } from './harness.js';

const API_KEY = 'bench-key';

export const bench: BenchModule = async (context) => {
  const provider = await startReferenceProvider({ apiKey: API_KEY, rateLimitPerSecond: 1e9 });
  const target = {
    url: provider.operationUrl('globex', 'int-snowflake-01'),
    method: 'PATCH' as const,
    headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ syncedEntityId: 'bench-entity-0001' }),
    connections: 10,
    timeout: 10,
  };
  try {
    await autocannon({ ...target, duration: 1 }); // warm-up: JIT and sockets
    const timed = await autocannon({ ...target, duration: 5 });
    const note = `10 connections, ${timed.duration.toFixed(1)} s, ${timed['2xx']} ok, ${timed.non2xx} non-2xx, ${timed.errors} errors`;
    context.record({ name: 'provider: valid PATCH throughput', value: timed.requests.average, unit: 'req/s', note });
    context.record({ name: 'provider: valid PATCH latency p99', value: timed.latency.p99, unit: 'ms', note: `p50 ${timed.latency.p50} ms` });

    const before = context.heapMiB();
    const counted = await autocannon({ ...target, amount: 100_000 });
    const after = context.heapMiB();
    const countNote = `${counted['2xx']} ok, ${counted.non2xx} non-2xx, ${counted.errors} errors`;
    context.record({ name: 'provider: heap used before 100k requests (after GC)', value: before, unit: 'MiB' });
    context.record({ name: 'provider: heap used after 100k requests (after GC)', value: after, unit: 'MiB', note: countNote });
    context.record({ name: 'provider: heap growth over 100k requests', value: after - before, unit: 'MiB' });
  } finally {
    await provider.close();
  }
};
