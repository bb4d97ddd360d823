/**
 * The official Pact CLI (`pact broker ...`) from @pact-foundation/pact-cli, whose Rust binary arrives in an optional
 * per-platform npm package (no Ruby, no download at install time). This module runs it with the broker's URL and
 * credentials in its environment (never in argv, which every process on the machine can read), bounded in time, and
 * hands back what it printed with every credential scrubbed, in every spelling (src/secrets.ts): a broker that
 * echoes the Authorization header must not make us print the token or the password.
 * https://github.com/pact-foundation/pact-js-cli, https://docs.pact.io/pact_broker/client_cli/readme
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { stripVTControlCharacters } from 'node:util';
import { ConfigurationError } from '../../errors.js';
import { scrubber } from '../../secrets.js';
import { secretsOf, type BrokerConfig } from './config.js';

/** What one run printed (already scrubbed) and how it ended; `code` is null when it was stopped. */
export interface PactCliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Bounds of one run. */
export interface PactCliOptions {
  /** Stop the run after this long (default 120 s). */
  readonly timeoutMs?: number;
  /** The environment to start from (default process.env); the broker variables are set from the config. */
  readonly env?: NodeJS.ProcessEnv;
}

/** HTTP retries on 5xx, 408 and 429 when PACT_BROKER_HTTP_RETRIES is not set: 0.5 + 1 + 2 s of back-off at most. */
export const DEFAULT_HTTP_RETRIES = '3';

/** The path of the `pact` binary of this platform, found the way @pact-foundation/pact-cli itself finds it. */
export function pactBinary(): string {
  const require = createRequire(import.meta.url);
  try {
    const standalone = require('@pact-foundation/pact-cli/src/pact-standalone.js') as { standalone(): { pactFullPath: string } };
    return standalone.standalone().pactFullPath;
  } catch (error) {
    throw new ConfigurationError(`the Pact CLI is not installed for ${process.platform}-${process.arch}: ${(error as Error).message.split('\n')[0]} (reinstall without --no-optional)`, { cause: error });
  }
}

/** The child's environment: the caller's, with the broker URL and exactly these credentials. */
function childEnv(config: BrokerConfig, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, PACT_BROKER_BASE_URL: config.baseUrl, PACT_DO_NOT_TRACK: 'true', NO_COLOR: '1' };
  for (const name of ['PACT_BROKER_TOKEN', 'PACT_BROKER_USERNAME', 'PACT_BROKER_PASSWORD']) delete env[name];
  if (config.auth?.kind === 'token') env['PACT_BROKER_TOKEN'] = config.auth.token;
  if (config.auth?.kind === 'basic') Object.assign(env, { PACT_BROKER_USERNAME: config.auth.username, PACT_BROKER_PASSWORD: config.auth.password });
  env['PACT_BROKER_HTTP_RETRIES'] ??= DEFAULT_HTTP_RETRIES;
  return env;
}

/** Runs `pact broker ARGS` against the configured broker; resolves with its exit code and scrubbed output. */
export function runPactBroker(args: readonly string[], config: BrokerConfig, options: PactCliOptions = {}): Promise<PactCliRun> {
  const binary = pactBinary();
  const scrub = scrubber(secretsOf(config.auth));
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['broker', ...args], { env: childEnv(config, options.env ?? process.env), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => void out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => void err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ConfigurationError(`cannot run the Pact CLI at ${binary}: ${error.message}`, { cause: error }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // Colours off: the debug log is coloured, and a secret split by escape codes would slip past the scrubber.
      const text = (chunks: Buffer[]): string => scrub(stripVTControlCharacters(Buffer.concat(chunks).toString('utf8')));
      resolve({ code, stdout: text(out), stderr: text(err) });
    });
  });
}
