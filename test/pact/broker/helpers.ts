/** Shared helpers of the Pact Broker workflow tests: fixture paths, a double's environment and memory, the Verifier. */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BrokerDouble } from '../../fixtures/broker-double.js';
import { cleanEnv } from '../../helpers/cli.js';
import { shaOf } from '../../fixtures/broker/double/state.js';

/** An absolute path under test/fixtures/broker/. */
export const fixture = (path: string): string => fileURLToPath(new URL(`../../fixtures/broker/${path}`, import.meta.url));

/** The two fixture pacts (for a provider of their own: the Verifier tests). */
export const PACT_A = fixture('pacts/fixture-consumer-fixture-provider.json');
export const PACT_B = fixture('pacts/second-consumer-fixture-provider.json');

/** The project's own pact, the one `publish` exists for (it passes the check-pact gate). */
export const PROJECT_PACT = fileURLToPath(new URL('../../../pacts/stigg-contract-client-stigg-api.json', import.meta.url));

/** A secret no output may ever contain. */
export const CANARY = 'canary-7f3c9e1d-never-print-me';

/** The environment a CLI run against a double gets: its URL, a token, and no HTTP retries (faults answer at once). */
export const brokerEnv = (broker: BrokerDouble | string, auth: Readonly<Record<string, string>> = { PACT_BROKER_TOKEN: CANARY }): Record<string, string> => ({
  PACT_BROKER_BASE_URL: typeof broker === 'string' ? broker : broker.url,
  PACT_BROKER_HTTP_RETRIES: '0',
  ...auth,
});

/** Puts a pact straight into the double's memory, as if published (no client of ours involved). */
export async function storePact(broker: BrokerDouble, file: string, consumerVersion: string, branch?: string): Promise<void> {
  const content = await readFile(file, 'utf8');
  const pact = JSON.parse(content) as { consumer: { name: string }; provider: { name: string } };
  const version = broker.state.ensureVersion(pact.consumer.name, consumerVersion);
  if (branch !== undefined) version.branch = branch;
  broker.state.pacts.push({ consumer: pact.consumer.name, provider: pact.provider.name, consumerVersion, sha: shaOf(content), content });
}

/** What the real Verifier did: resolved (`ok`) or not, and everything it printed. */
export interface VerifierRun {
  readonly ok: boolean;
  readonly output: string;
}

/** Runs the real Pact Verifier in a child process (test/fixtures/broker/run-verifier.mjs) with these options. */
export function runVerifier(options: object): Promise<VerifierRun> {
  const runner = fixture('run-verifier.mjs');
  return new Promise((resolve, reject) => {
    // cleanEnv: no ambient PACT_BROKER_*, and PACT_DO_NOT_TRACK (the native verifier otherwise reports usage metrics).
    const child = spawn(process.execPath, [runner], { env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
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
