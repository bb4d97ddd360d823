/** Shared helpers of the Pact Broker workflow tests: fixture paths, clients of a double, the CLI as a black box. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BrokerClient, type BrokerAuth } from '../../../src/pact/broker/index.js';
import type { BrokerDouble } from '../../fixtures/broker-double.js';

/** An absolute path under test/fixtures/broker/. */
export const fixture = (path: string): string => fileURLToPath(new URL(`../../fixtures/broker/${path}`, import.meta.url));

/** The repository root (the CLI runs from there unless told otherwise). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The two fixture pacts. */
export const PACT_A = fixture('pacts/fixture-consumer-fixture-provider.json');
export const PACT_B = fixture('pacts/second-consumer-fixture-provider.json');

/** A secret no output may ever contain. */
export const CANARY = 'canary-7f3c9e1d-never-print-me';

/** A client of the double, with optional credentials and a short timeout. */
export function clientOf(broker: BrokerDouble | string, auth?: BrokerAuth): BrokerClient {
  const baseUrl = typeof broker === 'string' ? broker : broker.url;
  return new BrokerClient(auth === undefined ? { baseUrl } : { baseUrl, auth }, { timeoutMs: 5_000 });
}

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node src/cli/bin.mjs ARGS` with exactly the given environment (plus PATH and HOME, nothing inherited:
 * a CI variable of the machine running the tests must not change the defaults under test).
 */
export function runCli(args: readonly string[], env: Readonly<Record<string, string>>, cwd = ROOT): Promise<CliRun> {
  const bin = fileURLToPath(new URL('../../../src/cli/bin.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    const limit = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr });
    });
  });
}

/** What the real Verifier did: resolved (`ok`) or not, and everything it printed. */
export interface VerifierRun {
  readonly ok: boolean;
  readonly output: string;
}

/** Runs the real Pact Verifier in a child process (test/fixtures/broker/run-verifier.ts) with these options. */
export function runVerifier(options: object): Promise<VerifierRun> {
  const runner = fixture('run-verifier.ts');
  return new Promise((resolve, reject) => {
    // PACT_DO_NOT_TRACK: the native verifier otherwise reports anonymous usage metrics over the network.
    const child = spawn(process.execPath, ['--import', 'tsx', runner], { env: { ...process.env, PACT_DO_NOT_TRACK: 'true' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    const limit = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(limit);
      const marker = /@@verifier (.*)\n?$/.exec(output);
      if (marker === null) reject(new Error(`the verifier runner gave no result:\n${output}`));
      else resolve({ ok: (JSON.parse(marker[1]!) as { ok: boolean }).ok, output });
    });
    child.stdin.end(JSON.stringify(options));
  });
}

/** A loopback URL on which nothing listens: a port the OS just handed out and took back. */
export async function closedPortUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
