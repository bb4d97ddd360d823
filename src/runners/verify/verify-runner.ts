/**
 * `verify`: phase 1 verifies the pacts with Pact's Verifier; phase 2 sends the systematic cases (every edge class, the
 * same whatever the seed), then runs property-based conformance with the checks; then the rate-limited state is
 * exercised and each state with an effect is torn down and probed. Events go to the listener (report, progress, log);
 * nothing is printed.
 */
import { createCheckContext, selectChecks } from '../../checks/index.js';
import { type RunListener } from '../../events/index.js';
import type { BrokerSource } from '../../pact/verifier.js';
import type { OperationContract } from '../../validators/index.js';
import { plannedCases } from './planned-cases.js';
import { runConformance, type ConformanceSummary } from './conformance.js';
import { Backoff } from './backoff.js';
import type { SendContext } from './execute.js';
import { runPactPhase, type PactPhase } from './pacts.js';
import { namedFixtures, setUpPlan, tearDownPlan, type Fixture, type Plan } from './plan.js';
import { createStateClient, STATE_CHANGE_TIMEOUT_MS, type StateChange } from './state-client.js';
import { systematicCases } from './systematic.js';
import { plannedStateCases, probePactTeardowns, runStatePhase, type StatePhaseResult } from './state-phase.js';
import { runSystematic, type SystematicSummary } from './systematic-run.js';
import { hasEffect } from './teardown-probe.js';
import { assertReplayPath, parseEdgePath } from './replay-path.js';
import { ConfigurationError } from '../../errors.js';
import { openTarget, probe, stillAnswers } from './target.js';
import { ProviderHealth, RunControl } from './control.js';
import { createTransport } from './transport.js';
import { apiKeyHeaderOf } from '../../contract/operation.js';

export interface VerifyOptions {
  readonly baseUrl?: string;
  readonly apiKey?: string;
  readonly stateUrl?: string;
  readonly fixtures?: readonly string[];
  readonly pactsDir?: string;
  readonly broker?: BrokerSource;
  readonly skipPacts?: boolean;
  readonly runs: number;
  readonly seed: number;
  readonly path?: string;
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly checks?: string | readonly string[];
  readonly strictContract: boolean;
  readonly maxBodyBytes?: number;
  readonly maxDurationMs?: number;
  readonly maxBackoffMs?: number;
  /** Upper bound for shrinking one check's failure (default 15 s). */
  readonly shrinkMs?: number;
  /** How many integrations to create through the state URL (besides the edge-id ones). */
  readonly existingFixtures?: number;
  /** Send the systematic cases before the random ones (default true; a `--path` replay never does). */
  readonly systematic?: boolean;
  /** Aborting it stops the run between cases (Ctrl+C): the summary says so, the report keeps what was done. */
  readonly signal?: AbortSignal;
}

export interface VerifySummary {
  readonly baseUrl: string;
  readonly embedded: boolean;
  /** The API key used, for the caller's redaction only: never printed. */
  readonly apiKey: string;
  readonly pacts: PactPhase;
  readonly conformance: ConformanceSummary;
  /** Absent when the systematic phase did not run. */
  readonly systematic?: SystematicSummary;
  readonly teardownProblems: readonly string[];
  /** Edge fixtures the provider's state URL refused to set up, each left out of the run. */
  readonly setupProblems: readonly string[];
  /** The state changes phase 2 made (for regression tests that must recreate a case's data). */
  readonly stateChanges: readonly StateChange[];
  readonly stateUrl?: string;
  /** Set when the run stopped before its end: why, and how many planned cases were not sent. */
  readonly stopped?: { readonly reason: string; readonly notRun: number };
}

/** Runs verify end to end; harness problems (unreachable provider, bad options) throw HarnessErrors (exit 2). */
export async function verify(contract: OperationContract, options: VerifyOptions, listener: RunListener): Promise<VerifySummary> {
  const checks = selectChecks(options.checks);
  const edgeReplay = parseEdgePath(options.path);
  // A malformed replay path is refused before any provider is started, state set up or request sent.
  if (options.path !== undefined) assertReplayPath(options.seed, options.path);
  const target = await openTarget(options);
  const transport = createTransport({ baseUrl: target.baseUrl, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes ?? 2 ** 20, connections: Math.max(1, options.concurrency) });
  try {
    await probe(contract, transport, target.baseUrl);
    const keyHeader = apiKeyHeaderOf(contract.operation) ?? 'X-API-KEY';
    const pacts: PactPhase = options.skipPacts
      ? { ran: false, reason: options.path === undefined ? 'skipped (skipPacts)' : 'skipped (--path replays one phase 2 case)' }
      : await runPactPhase({ providerBaseUrl: target.baseUrl, apiKey: target.apiKey, keyHeader, timeoutMs: options.timeoutMs, ...(target.stateUrl ? { stateUrl: target.stateUrl } : {}), ...(options.pactsDir ? { pactsDir: options.pactsDir } : {}), ...(options.broker ? { broker: options.broker } : {}) }, listener);
    // Setting up data may take a provider longer than answering a request: its own, longer bound.
    const states = target.stateUrl ? createStateClient(target.stateUrl, Math.max(options.timeoutMs, STATE_CHANGE_TIMEOUT_MS)) : undefined;
    const named = namedFixtures(contract, options.fixtures ?? []);
    const plan: Plan = states ? await setUpPlan(contract, states, options.existingFixtures ?? 12, options.seed) : { fixtures: [], changes: [] };
    const fixtures: Fixture[] = [...named, ...plan.fixtures];
    const control = new RunControl(options.signal);
    const health = new ProviderHealth(control, () => stillAnswers(contract, transport));
    const send: SendContext = { contract, transport, baseUrl: target.baseUrl, apiKey: target.apiKey, checks, backoff: new Backoff(options.maxBackoffMs ?? 5000), health };
    const context = createCheckContext(contract);
    const edgeCases = (options.path === undefined || edgeReplay !== undefined) && options.systematic !== false ? systematicCases(contract, fixtures) : [];
    if (edgeReplay !== undefined && edgeReplay >= edgeCases.length) {
      throw new ConfigurationError(`--path edge:${edgeReplay}: this run has ${edgeCases.length} systematic cases (edge:0 to edge:${edgeCases.length - 1}); replay with the same --seed, --state-url and --fixture flags`);
    }
    const pactProbes = pacts.ran ? new Set(pacts.tornDown.filter(hasEffect).map((change) => change.state)).size : 0;
    const planned = options.path === undefined ? edgeCases.length + options.runs + pactProbes + (states ? plannedStateCases(plan) : 0) : 1;
    listener.onStart?.(planned);
    const maxDurationMs = options.maxDurationMs ?? 10 * 60_000;
    const started = Date.now();
    let conformance: ConformanceSummary;
    let systematic: SystematicSummary | undefined;
    let statePhase: StatePhaseResult = { sent: 0, tornDown: new Set() };
    let statesSent = 0;
    try {
      if (pacts.ran && !control.stopped) statesSent += await probePactTeardowns(pacts.tornDown, { contract, fixtures, send, context, listener, seed: options.seed }, control);
      if (edgeCases.length > 0 && !control.stopped) systematic = await runSystematic(edgeCases, send, context, listener, { maxDurationMs, concurrency: Math.max(1, options.concurrency), seed: options.seed, control, ...(edgeReplay === undefined ? {} : { only: edgeReplay }) });
      conformance = edgeReplay !== undefined || control.stopped ? { cases: 0, shrunk: new Map(), interrupted: control.stopped } : await runConformance(plannedCases(contract, randomPhaseFixtures(fixtures)), send, context, listener, {
        runs: options.runs, seed: options.seed, concurrency: Math.max(1, options.concurrency), strictContract: options.strictContract,
        maxDurationMs: Math.max(0, maxDurationMs - (Date.now() - started)), shrinkMs: options.shrinkMs ?? 15_000, control, ...(options.path === undefined ? {} : { path: options.path }),
      });
      if (states && options.path === undefined && !control.stopped) statePhase = await runStatePhase({ contract, plan, fixtures, send, context, listener, states, seed: options.seed });
    } finally {
      if (send.backoff.waited > 0) listener.onBackoff?.(send.backoff.waited);
      listener.onFinish?.();
    }
    const teardownProblems = states ? await tearDownPlan(plan, states, statePhase.tornDown) : [];
    const sent = (systematic?.cases ?? 0) + conformance.cases;
    const stopped = control.reason === undefined ? {} : { stopped: { reason: control.reason, notRun: Math.max(0, planned - sent - statePhase.sent - statesSent) } };
    if (stopped.stopped) listener.onStopped?.(stopped.stopped.reason, stopped.stopped.notRun);
    return { baseUrl: target.baseUrl, embedded: target.embedded, apiKey: target.apiKey, pacts, conformance, ...(systematic ? { systematic } : {}), teardownProblems, setupProblems: plan.problems ?? [], stateChanges: plan.changes, ...(target.stateUrl ? { stateUrl: target.stateUrl } : {}), ...stopped };
  } finally {
    await transport.close();
    await target.close();
  }
}

/** How many of the edge-id fixtures the random phase aims at, besides every other fixture. */
const RANDOM_EDGE_FIXTURES = 12;

/**
 * The random phase's fixtures: every drawn and scenario fixture, and a dozen of the edge ids spread over the list
 * (the systematic phase addressed each already; here they meet random bodies, headers and related requests).
 */
function randomPhaseFixtures(fixtures: readonly Fixture[]): Fixture[] {
  // Existing edge records only: the absent ones (neighbours, corpus ids) were each judged in the systematic phase.
  const edges = fixtures.filter((fixture) => fixture.edgeClass !== undefined && fixture.scenario.kind === 'existing');
  const step = Math.max(1, Math.floor(edges.length / RANDOM_EDGE_FIXTURES));
  return [...fixtures.filter((fixture) => fixture.edgeClass === undefined), ...edges.filter((_, index) => index % step === 0).slice(0, RANDOM_EDGE_FIXTURES)];
}
