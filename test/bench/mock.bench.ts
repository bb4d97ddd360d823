/**
 * The contract mock under load (issue 15): valid PATCHes per second through `stigg-contract mock --log FILE` against
 * `stigg-contract serve` (the reference provider), both in their own process as a client's CI runs them, autocannon
 * with 10 connections in this one. The ratio mock/serve is what to read: both move together with the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { BenchContext, BenchModule } from './harness.js';

const BIN = fileURLToPath(new URL('../../src/cli/bin.mjs', import.meta.url));
const API_KEY = 'bench-key';
const PATH = '/api/v1/customers/globex/integrations/int-snowflake-01';

interface Child {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts `stigg-contract <args>` and resolves with the URL it prints. */
async function start(args: readonly string[]): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(text);
      if (found?.[1]) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${text}`)));
  });
  return { url, close: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }) };
}

/** Requests per second of one valid PATCH at 10 connections for 5 s, after a 1 s warm-up. */
async function throughput(context: BenchContext, name: string, url: string): Promise<number> {
  const target = {
    url: `${url}${PATH}`,
    method: 'PATCH' as const,
    headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ syncedEntityId: 'bench-entity-0001' }),
    connections: 10,
    timeout: 10,
  };
  await autocannon({ ...target, duration: 1 });
  const timed = await autocannon({ ...target, duration: 5 });
  const note = `10 connections, ${timed['2xx']} ok, ${timed.non2xx} non-2xx, ${timed.errors} errors, p99 ${timed.latency.p99} ms`;
  context.record({ name, value: timed.requests.average, unit: 'req/s', note });
  return timed.requests.average;
}

export const bench: BenchModule = async (context) => {
  const dir = await mkdtemp(join(tmpdir(), 'mock-bench-'));
  const log = join(dir, 'mock.log');
  try {
    const serve = await start(['serve', '--port', '0', '--api-key', API_KEY]);
    const served = await throughput(context, 'mock: `serve` (reference provider), valid PATCH', serve.url).finally(() => serve.close());
    const mock = await start(['mock', '--port', '0', '--log', log]);
    const mocked = await throughput(context, 'mock: `mock --log FILE`, valid PATCH', mock.url).finally(() => mock.close());
    context.record({ name: 'mock: mock --log / serve', value: mocked / served, unit: 'ratio' });
    context.record({ name: 'mock: log written', value: (await stat(log)).size / 2 ** 20, unit: 'MiB' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
