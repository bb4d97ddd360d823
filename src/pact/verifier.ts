import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { VerifierOptions } from '@pact-foundation/pact';
import { TransportError } from '../errors.js';
import { redact } from '../secrets.js';

/** Verifier options for pacts from a broker (URL, selectors, pending, WIP, publication), as src/pact/broker builds them. */
export type BrokerSource = Partial<VerifierOptions>;

/** What to verify and against what. The API key travels to the child process in its environment, never in argv. */
export interface PactVerificationOptions {
  readonly providerBaseUrl: string;
  /** The provider's state-change URL (POST {state, params, action}); without it, stateful interactions may fail. */
  readonly stateUrl?: string;
  readonly apiKey?: string;
  /** The header the real key replaces the pact's fake example in (only where the interaction sends one). */
  readonly keyHeader: string;
  readonly pactUrls?: readonly string[];
  /** Broker options (pactBrokerUrl, selectors, publishVerificationResult, ...) instead of pactUrls. */
  readonly broker?: BrokerSource;
  readonly timeoutMs?: number;
}

/** One interaction's outcome. */
export interface InteractionResult {
  readonly description: string;
  readonly passed: boolean;
  readonly pending: boolean;
  readonly message?: string;
}

/** The outcome of a pact verification run. */
export interface PactVerificationResult {
  readonly passed: boolean;
  readonly interactions: readonly InteractionResult[];
  readonly notices: readonly string[];
  /** The verifier's own console output (ANSI stripped, key redacted), for --verbose. */
  readonly output: string;
}

/**
 * The child script beside this module: compiled JavaScript in the package; under a TypeScript loader (the project's
 * own tests and `npm run cli`), the source, run with that loader resolved from this package, never from the cwd.
 */
function childCommand(): string[] {
  const fromSource = import.meta.url.endsWith('.ts');
  const child = fileURLToPath(new URL(`./verifier-child.${fromSource ? 'ts' : 'js'}`, import.meta.url));
  return fromSource ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href, child] : [child];
}
// Why a child process: the native verifier and pact's logger print straight to stdout; the report must stay ours.

/** Runs @pact-foundation/pact's Verifier in a child process and returns structured per-interaction results. */
export function verifyPacts(options: PactVerificationOptions): Promise<PactVerificationResult> {
  const { apiKey, ...rest } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childCommand(), {
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      // PACT_DO_NOT_TRACK: the native core would otherwise report usage over the network.
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true', STIGG_CONTRACT_PACT_KEY: apiKey ?? '' },
    });
    let output = '';
    let result = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => { result += chunk.toString('utf8'); });
    const limit = setTimeout(() => child.kill('SIGKILL'), (options.timeoutMs ?? 30_000) * 4 + 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      const clean = redact(stripVTControlCharacters(output), [apiKey ?? '']);
      try {
        resolve({ ...(JSON.parse(result) as Omit<PactVerificationResult, 'output'>), output: clean });
      } catch {
        reject(new TransportError(`pact verification could not run (exit ${code}): ${clean.trim().split('\n').slice(-5).join(' | ') || 'no output'}`, options.providerBaseUrl));
      }
    });
    child.stdin.end(JSON.stringify(rest));
  });
}
