/** Phase 1: the pacts (a directory of files, or a broker) verified by Pact's own Verifier, one outcome per interaction. */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RunListener } from '../../events/index.js';
import { ConfigurationError } from '../../errors.js';
import { loadPact } from '../../pact/pact-file.js';
import { Backoff, TOO_MANY_REQUESTS, withRetryAfter } from '../../http/retry.js';
import { verifyPacts, type BrokerSource, type PactVerificationOptions, type PactVerificationResult, type VerifierLimits } from '../../pact/verifier.js';
import type { StateChange } from './state-client.js';
import { startStateRelay } from './state-relay.js';
import { PactStates } from './pact-states.js';
import { formatDuration } from '../../report/duration.js';

export interface PactPhaseOptions {
  readonly providerBaseUrl: string;
  readonly stateUrl?: string;
  readonly apiKey: string;
  readonly keyHeader: string;
  /** Extra headers (`--header`): sent with every interaction's request and every state change. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly pactsDir?: string;
  readonly broker?: BrokerSource;
  readonly timeoutMs: number;
  /** The deadline of one state change: the relay's, and Pact's verifier's when longer than `timeoutMs` (it has one). */
  readonly stateTimeoutMs: number;
  /** The phase's limit: Pact's verifier is stopped past it (`--pact-timeout`). */
  readonly limitMs: number;
  /** Ctrl+C: the relay abandons the state changes in flight (teardowns get a short while). */
  readonly signal?: AbortSignal;
  /** Aborted when the run stops, with why (Ctrl+C, a key left rate limited): Pact's verifier is stopped at once. */
  readonly stop?: AbortSignal;
  /** Hears each teardown of Pact's that failed on every try. */
  readonly onTeardownFailed?: (change: StateChange, message: string) => void;
  /** The waits before each new try of interactions a rate limiter refused (default 1, 2 and 4 s). */
  readonly rateLimitWaitsMs?: readonly number[];
}

/**
 * What phase 1 did: verified (passed or not; `tornDown`, the provider states Pact's verifier tore down, so that verify
 * can see that they are gone; `leftOver`, those it set up and never tore down, for verify to undo), or skipped with
 * the reason. `stopped`: Pact's verifier was stopped before its verdict (its limit, Ctrl+C), and why.
 */
export type PactPhase =
  | { readonly ran: true; readonly passed: boolean; readonly notices: readonly string[]; readonly tornDown: readonly StateChange[]; readonly leftOver: readonly StateChange[]; readonly stopped?: string }
  | { readonly ran: false; readonly reason: string };

/** The pact files of a directory, each checked to be a pact first: a file that is not ends the run (exit 2), named. */
async function pactFiles(dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort().map((name) => resolve(join(dir, name)));
  } catch (error) {
    throw new ConfigurationError(`cannot read the pacts directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  for (const file of files) {
    const loaded = await loadPact(file);
    if (!loaded.ok) throw new ConfigurationError(`pact file ${file} cannot be verified: ${loaded.reason}`);
  }
  return files;
}

/** Verifies the pacts; without a state URL, stateful interactions cannot be set up, so the phase is skipped. */
export async function runPactPhase(options: PactPhaseOptions, listener: RunListener): Promise<PactPhase> {
  if (!options.stateUrl && !options.broker) return { ran: false, reason: 'no --state-url: pact interactions need provider states' };
  const pactUrls = options.broker ? undefined : await pactFiles(options.pactsDir ?? 'pacts');
  if (pactUrls && pactUrls.length === 0) return { ran: false, reason: `no pact files in ${options.pactsDir ?? 'pacts'}` };
  // State changes go through a relay that passes them on as verify's own are made (deadline, 429s, retried teardowns).
  const states = new PactStates();
  const relay = options.stateUrl ? await startStateRelay(options.stateUrl, {
    timeoutMs: options.stateTimeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    onSetup: (change) => states.setUp(change),
    onTeardown: (change) => states.tornDownOk(change),
    onTeardownFailed: (change, message) => {
      states.failed(change);
      options.onTeardownFailed?.(change, message);
    },
  }) : undefined;
  let result: PactVerificationResult;
  try {
    const request: PactVerificationOptions = {
      providerBaseUrl: options.providerBaseUrl,
      keyHeader: options.keyHeader,
      apiKey: options.apiKey,
      ...(options.headers ? { headers: options.headers } : {}),
      // Pact's verifier has one deadline for the provider's answers and its state changes alike.
      timeoutMs: Math.max(options.timeoutMs, options.stateTimeoutMs),
      ...(relay ? { stateUrl: relay.url } : {}),
      ...(pactUrls ? { pactUrls } : {}),
      ...(options.broker ? { broker: options.broker } : {}),
    };
    const limits = { limitMs: options.limitMs, limitName: `the pact phase's limit of ${formatDuration(options.limitMs)} (--pact-timeout)`, ...(options.stop ? { signal: options.stop } : {}) };
    result = await verifyWaitingOutLimiter(request, limits, options.rateLimitWaitsMs ?? RATE_LIMIT_WAITS_MS);
  } finally {
    await relay?.close();
  }
  for (const interaction of result.interactions) {
    listener.onPact?.({ description: interaction.description, passed: interaction.passed || interaction.pending, ...(interaction.message ? { message: `${interaction.pending ? '(pending) ' : ''}${interaction.message}` } : {}) });
  }
  return { ran: true, passed: result.passed, notices: result.notices, tornDown: states.tornDown, leftOver: states.leftOver(), ...(result.stopped === undefined ? {} : { stopped: result.stopped }) };
}

/** The interactions a rate limiter refused: the provider answered 429 where the pact expects another status. */
const refusedByLimiter = (result: PactVerificationResult): string[] =>
  result.interactions.filter((interaction) => !interaction.passed && interaction.actualStatus === TOO_MANY_REQUESTS).map((interaction) => interaction.description);

/** How long to wait before each new try of the refused interactions (Pact's verifier does not pass the Retry-After on). */
const RATE_LIMIT_WAITS_MS = [1_000, 2_000, 4_000];

/** `result` with the interactions verified again in their place (a stopped try stops the whole). */
function merged(result: PactVerificationResult, again: PactVerificationResult): PactVerificationResult {
  if (again.stopped !== undefined) return { ...result, passed: false, interactions: [], stopped: again.stopped };
  const retried = new Map(again.interactions.map((interaction) => [interaction.description, interaction]));
  const interactions = result.interactions.map((interaction) => retried.get(interaction.description) ?? interaction);
  return { ...result, interactions, passed: interactions.every((interaction) => interaction.passed || interaction.pending), notices: [...result.notices, ...again.notices] };
}

/**
 * Verifies the pacts, then again, after a wait, the interactions a rate limiter answered 429 where the pact expects
 * another status, through the one retry loop: a limiter refusing a request says nothing of the provider's behaviour
 * (see docs/checks.md). Not when results are published to a broker, which has the first verdict already.
 */
async function verifyWaitingOutLimiter(request: PactVerificationOptions, limits: VerifierLimits & { readonly limitMs: number }, waitsMs: readonly number[]): Promise<PactVerificationResult> {
  let result: PactVerificationResult | undefined;
  // The limit is the phase's: each try gets what is left of it.
  const deadline = Date.now() + limits.limitMs;
  const attempt = async (): Promise<PactVerificationResult> => {
    const left = { ...limits, limitMs: Math.max(1, deadline - Date.now()) };
    result = result === undefined ? await verifyPacts(request, left) : merged(result, await verifyPacts({ ...request, onlyDescriptions: refusedByLimiter(result) }, left));
    return result;
  };
  const attempts = request.broker?.publishVerificationResult ? 1 : waitsMs.length + 1;
  const backoff = new Backoff(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, limits.signal ? { signal: limits.signal } : {});
  return withRetryAfter(attempt, (answer) => (refusedByLimiter(answer).length > 0 ? { retryAfterMs: undefined } : false), backoff, {
    maxAttempts: attempts,
    defaultWaitMs: (retry) => waitsMs[retry] ?? 0,
  });
}
