import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { ConfigurationError, TransportError } from '../errors.js';
import { headerKey } from '../http/headers.js';
import { basicAuthSecrets, headerValueSecrets, redact } from '../secrets.js';
import { formatDuration } from '../report/duration.js';
import type { BrokerSource } from './broker-source.js';
import { describeAlternations } from './alternation.js';

export type { BrokerSource, ConsumerVersionSelector } from './broker-source.js';

/** What to verify and against what. The API key travels to the child process in its environment, never in argv. */
export interface PactVerificationOptions {
  readonly providerBaseUrl: string;
  /** The provider's state-change URL (POST {state, params, action}); without it, stateful interactions may fail. */
  readonly stateUrl?: string;
  readonly apiKey?: string;
  /** The header the real key replaces the pact's fake example in (only where the interaction sends one). */
  readonly keyHeader: string;
  /** Extra headers a gateway needs (`--header`), set on every request to the provider; secrets, like the key. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly pactUrls?: readonly string[];
  /** Broker options (pactBrokerUrl, selectors, publishVerificationResult, ...) instead of pactUrls. */
  readonly broker?: BrokerSource;
  readonly timeoutMs?: number;
  /** Verify only the interactions with these descriptions (exactly), e.g. to try again those a limiter refused. */
  readonly onlyDescriptions?: readonly string[];
}

/** What bounds the verifier's child process as a whole (never sent to it). */
export interface VerifierLimits {
  /** The child is stopped after this long (verify's `--pact-timeout`); default DEFAULT_VERIFIER_LIMIT_MS. */
  readonly limitMs?: number;
  /** How the limit is named when it ends the verification (default: `its limit of 5m`). */
  readonly limitName?: string;
  /** Aborting it stops the child at once (Ctrl+C, the run stopped): its reason, when a string, says why. */
  readonly signal?: AbortSignal;
}

/** The limit of a verification run when its caller names none. */
export const DEFAULT_VERIFIER_LIMIT_MS = 5 * 60_000;

/** One interaction's outcome. */
export interface InteractionResult {
  readonly description: string;
  readonly passed: boolean;
  readonly pending: boolean;
  readonly message?: string;
  /** The status the provider answered where the pact expects another (e.g. 429 from a rate limiter). */
  readonly actualStatus?: number;
}

/** The outcome of a pact verification run. */
export interface PactVerificationResult {
  readonly passed: boolean;
  readonly interactions: readonly InteractionResult[];
  readonly notices: readonly string[];
  /** The verifier's own console output (ANSI stripped, key redacted), for --verbose. */
  readonly output: string;
  /** Set when the child was stopped before its verdict (its limit, or the signal): why; no interaction is judged then. */
  readonly stopped?: string;
}

/**
 * The child script beside this module: compiled JavaScript in the package. Run from the TypeScript source (the
 * project's own tests and `npm run cli`), the build's copy when it is at least as new as the source, since the child
 * imports nothing of ours and a transpiler costs each child most of a second; otherwise the source, under a loader
 * resolved from this package, never from the cwd.
 */
function childCommand(): string[] {
  if (!import.meta.url.endsWith('.ts')) return [fileURLToPath(new URL('./verifier-child.js', import.meta.url))];
  const source = fileURLToPath(new URL('./verifier-child.ts', import.meta.url));
  const built = fileURLToPath(new URL('../../dist/pact/verifier-child.js', import.meta.url));
  if (existsSync(built) && statSync(built).mtimeMs >= statSync(source).mtimeMs) return [built];
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href, source];
}
// Why a child process: the native verifier and pact's logger print straight to stdout; the report must stay ours.

/** The key and the broker credentials: none may be in the verifier's output we keep. */
function secretsOf(options: PactVerificationOptions): string[] {
  const { pactBrokerToken, pactBrokerUsername, pactBrokerPassword } = options.broker ?? {};
  const basic = pactBrokerUsername !== undefined && pactBrokerPassword !== undefined ? basicAuthSecrets(pactBrokerUsername, pactBrokerPassword) : [];
  return [options.apiKey ?? '', pactBrokerToken ?? '', ...basic, ...Object.values(options.headers ?? {}).flatMap(headerValueSecrets)];
}

/**
 * Pacts the verifier could not load (an unreachable broker, one without the pacts-for-verification endpoint or with
 * no pact for the provider, an unreadable file): the phase could not run, which is exit 2, not a failed interaction.
 * The verifier's own log line carries the cause the result leaves out, so that line is preferred.
 */
function loadFailures(result: Omit<PactVerificationResult, 'output'>, output: string): string[] {
  return result.interactions.filter((i) => i.description === LOAD_FAILURE && !i.passed).map((i) => {
    const message = i.message ?? 'a pact could not be loaded';
    const logged = output.split('\n').find((line) => line.includes(message) && !line.includes(LOAD_FAILURE));
    return logged === undefined ? message : logged.slice(logged.indexOf(message));
  });
}

/** How the verifier names a pact it could not load, in place of an interaction. */
const LOAD_FAILURE = 'Failed to load pact';

/** Why the child was stopped, as the report says it: which limit ended the verification. */
function stopReason(limitMs: number, limitName: string | undefined): string {
  return `Pact's verifier ran past ${limitName ?? `its limit of ${formatDuration(limitMs)}`} and was stopped`;
}

/**
 * Runs @pact-foundation/pact's Verifier in a child process and returns structured per-interaction results. The child
 * is killed past `limitMs`, on the signal, and when this process exits (a second Ctrl+C): the result then says why
 * it was stopped and judges no interaction.
 */
export function verifyPacts(options: PactVerificationOptions, limits: VerifierLimits = {}): Promise<PactVerificationResult> {
  const { apiKey, ...rest } = { ...options, keyHeader: headerKey(options.keyHeader) };
  const why = (signal: AbortSignal): string => (typeof signal.reason === 'string' ? signal.reason : 'interrupted');
  if (limits.signal?.aborted) return Promise.resolve({ passed: false, interactions: [], notices: [], output: '', stopped: why(limits.signal) });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childCommand(), {
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      // PACT_DO_NOT_TRACK: the native core would otherwise report usage over the network.
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true', STIGG_CONTRACT_PACT_KEY: apiKey ?? '' },
    });
    let output = '';
    let result = '';
    let stopped: string | undefined;
    const stop = (why: string): void => {
      stopped ??= why;
      child.kill('SIGKILL');
    };
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => { result += chunk.toString('utf8'); });
    const limitMs = limits.limitMs ?? DEFAULT_VERIFIER_LIMIT_MS;
    const limit = setTimeout(() => stop(stopReason(limitMs, limits.limitName)), limitMs);
    const interrupted = (): void => stop(limits.signal ? why(limits.signal) : 'interrupted');
    const exiting = (): void => void child.kill('SIGKILL');
    limits.signal?.addEventListener('abort', interrupted, { once: true });
    process.once('exit', exiting);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      limits.signal?.removeEventListener('abort', interrupted);
      process.off('exit', exiting);
      const clean = redact(stripVTControlCharacters(output), secretsOf(options));
      if (stopped !== undefined) return resolve({ passed: false, interactions: [], notices: [], output: clean, stopped });
      let parsed: Omit<PactVerificationResult, 'output'>;
      try {
        parsed = JSON.parse(result) as Omit<PactVerificationResult, 'output'>;
      } catch {
        reject(new TransportError(`pact verification could not run (exit ${code}): ${clean.trim().split('\n').slice(-5).join(' | ') || 'no output'}`, options.providerBaseUrl));
        return;
      }
      const unloaded = loadFailures(parsed, clean);
      // A mismatch on an enum quotes the matcher's regex, kilobytes of alternatives: named by its count instead.
      const interactions = parsed.interactions.map((interaction) => (interaction.message === undefined ? interaction : { ...interaction, message: describeAlternations(interaction.message) }));
      if (unloaded.length === 0) resolve({ ...parsed, interactions, output: clean });
      else if (options.broker?.pactBrokerUrl !== undefined) reject(new TransportError(`pact verification could not run: ${unloaded.join('; ')}`, options.broker.pactBrokerUrl));
      else reject(new ConfigurationError(`pact verification could not run: ${unloaded.join('; ')}`));
    });
    child.stdin.end(JSON.stringify(rest));
  });
}
