/**
 * `verify`, executed as a plan (phases.ts, sending-phases.ts): phase 1 verifies the pacts with Pact's Verifier; phase 2
 * sends the systematic cases (every edge class, the same whatever the seed), then runs property-based conformance
 * with the checks; then the rate-limited state is exercised. Events go to the listener (report, progress, log);
 * nothing is printed.
 */
import { createCheckContext, selectChecks } from '../../checks/index.js';
import { fanOut, type PhaseOutcome, type RunListener, type RunStop } from '../../events/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { ConformanceSummary } from './conformance.js';
import { Backoff } from './backoff.js';
import type { SendContext } from './execute.js';
import { runPactPhase, type PactPhase } from './pacts.js';
import { INTERRUPTED_TEARDOWN_WINDOW_MS, tearDownPlan } from './teardown.js';
import { createStateClient, type StateChange, type StateClient } from './state-client.js';
import type { SystematicSummary } from './systematic-run.js';
import { sendingPhases, type SendingResults } from './sending-phases.js';
import { parseEdgePath } from './replay-path.js';
import { openTarget, probe, stillAnswers, type Target } from './target.js';
import { ProviderHealth, RunControl, untilInterrupted } from './control.js';
import { RunProblems } from './run-problems.js';
import { formatDuration } from '../../report/duration.js';
import { createTransport } from './transport.js';
import { refuseDocumentedHeaders } from './extra-headers.js';
import { apiKeyHeaderOf } from '../../contract/operation.js';
import type { ResolvedVerifyOptions } from './options.js';
import { pathParamNames } from '../../arbitraries/index.js';
import { prepareRunData } from './campaign/run-data.js';
import { RunDatabase, type FailureDatabaseSummary } from './failures/database.js';
import { optionSkips, plannedCases as totalPlanned, runPhases, type Phase } from './phases.js';

export type { VerifyOptions, ResolvedVerifyOptions } from './options.js';

export interface VerifySummary {
  readonly baseUrl: string;
  readonly embedded: boolean;
  /** The API key used, for the caller's redaction only: never printed. */
  readonly apiKey: string;
  readonly pacts: PactPhase;
  readonly conformance: ConformanceSummary;
  /** Absent when the systematic phase did not run. */
  readonly systematic?: SystematicSummary;
  /** Every phase of the plan in order: what it sent, or why it was skipped. */
  readonly phases: readonly PhaseOutcome[];
  /** Provider-state problems: each teardown that failed on every try (naming the state), states left undone after Ctrl+C. */
  readonly teardownProblems: readonly string[];
  /** Edge fixtures the provider's state URL refused to set up, each left out of the run. */
  readonly setupProblems: readonly string[];
  /** The state changes phase 2 made (for regression tests that must recreate a case's data). */
  readonly stateChanges: readonly StateChange[];
  readonly stateUrl?: string;
  /** Set when the run stopped before its end: why, how many planned cases were not sent, whether by Ctrl+C. */
  readonly stopped?: RunStop;
  /** What the failure database did: where it is, what this run wrote. */
  readonly failures: FailureDatabaseSummary;
}

/** The message of a run stopped because the 429 wait budget is spent. */
const budgetSpent = (budgetMs: number): string => `the wait budget for 429 answers is spent (${formatDuration(budgetMs)}; --wait-budget), and the provider still answers 429`;

/** Phase 1 as a phase of the plan: runs the pacts, reports a cut-off, and undoes what Pact's verifier left set up. */
function pactPhase(run: { options: ResolvedVerifyOptions; target: Target; keyHeader: string; skip: string | undefined; listener: RunListener; states: StateClient | undefined; problems: RunProblems; control: RunControl }, done: (pacts: PactPhase) => void): Phase {
  const { options, target, listener, problems, control } = run;
  return {
    name: 'pacts', planned: 0, skip: () => run.skip,
    run: async () => {
      let interactions = 0;
      const pacts = await runPactPhase({
        providerBaseUrl: target.baseUrl, apiKey: target.apiKey, keyHeader: run.keyHeader, headers: options.headers, timeoutMs: options.timeoutMs, stateTimeoutMs: options.stateTimeoutMs, limitMs: options.pactTimeoutMs,
        ...(target.stateUrl ? { stateUrl: target.stateUrl } : {}), pactsDir: options.pactsDir, ...(options.broker ? { broker: options.broker } : {}),
        ...(options.signal ? { signal: options.signal } : {}), stop: control.stopSignal, onTeardownFailed: problems.teardownFailed,
      }, fanOut(listener, { onPact: () => void interactions++ }));
      done(pacts);
      if (!pacts.ran) return { skipped: pacts.reason };
      // States Pact's verifier set up and never tore down (it was stopped mid-interaction) are undone here.
      for (const change of pacts.leftOver) await run.states?.change(change, 'teardown').catch(() => undefined);
      if (pacts.stopped === undefined) return interactions;
      // Its own limit cut it off (a problem of the run's); any other stop is the run's, said once for the whole run.
      if (!control.stopped) problems.pactPhaseCut(`the pact phase was cut off: ${pacts.stopped}; no interaction was judged`);
      return { skipped: control.stopped ? `the run stopped: ${pacts.stopped}` : `cut off: ${pacts.stopped}` };
    },
  };
}

/**
 * Runs verify end to end on resolved options (see options.ts: no default is decided here) as a plan of phases (see
 * phases.ts: no skip is decided here); harness problems (unreachable provider, bad options) throw HarnessErrors (exit 2).
 * Whatever happens once the data is set up, the run's provider states are torn down before it returns.
 */
export async function verify(contract: OperationContract, options: ResolvedVerifyOptions, given: RunListener): Promise<VerifySummary> {
  const checks = selectChecks(options.checks);
  const edgeReplay = parseEdgePath(options.path);
  refuseDocumentedHeaders(contract, options.headers);
  const target = await openTarget(options);
  const signal = options.signal ? { signal: options.signal } : {};
  const transport = createTransport({ baseUrl: target.baseUrl, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, connections: options.concurrency, ...signal });
  try {
    await probe(contract, transport, target.baseUrl);
    const control = new RunControl(options.signal);
    const listener = untilInterrupted(given, control);
    const problems = new RunProblems(listener, control);
    const skips = optionSkips(options, target.stateUrl !== undefined);
    const keyHeader = apiKeyHeaderOf(contract.operation) ?? 'X-API-KEY';
    const states = target.stateUrl ? createStateClient(target.stateUrl, { timeoutMs: options.stateTimeoutMs, headers: options.headers, ...signal, onTeardownFailed: problems.teardownFailed }) : undefined;
    const health = new ProviderHealth(control, () => stillAnswers(contract, transport));
    const backoff = new Backoff(options.maxBackoffMs, options.waitBudgetMs, { ...signal, onSpent: () => control.stop(budgetSpent(options.waitBudgetMs)) });
    const send: SendContext = { contract, transport, baseUrl: target.baseUrl, apiKey: target.apiKey, headers: options.headers, checks, backoff, health };
    const context = createCheckContext(contract);
    const database = new RunDatabase({ contract, options, send, context, listener, control, states, secrets: [target.apiKey] });
    let pacts: PactPhase = { ran: false, reason: skips.pacts ?? '' };
    const firstPhases = [database.phase(skips.failures), pactPhase({ options, target, keyHeader, skip: skips.pacts, listener, states, problems, control }, (done) => void (pacts = done))];
    const firstOutcomes = await runPhases(firstPhases, listener);
    const data = await prepareRunData(contract, options, states, skips.systematic === undefined, edgeReplay, () => control.stopped);
    const { plan, fixtures } = data;
    const results: SendingResults = { conformance: { cases: 0, shrunk: new Map(), interrupted: false }, tornDown: new Set() };
    let outcomes: PhaseOutcome[] = [];
    let planned = 0;
    try {
      const tracker = database.tracker(plan, pathParamNames(contract)[0]);
      const started = Date.now();
      const remainingMs = (): number => Math.max(0, options.maxDurationMs - (Date.now() - started));
      const phases = sendingPhases({
        contract, options, skips, edgeCases: data.edgeCases, edgeIndices: data.indices, edgeReplay, plan, fixtures, randomFixtures: data.randomFixtures, pactTeardowns: tornDownBy(pacts),
        send, context, listener: fanOut(listener, tracker.listener()), control, states, problems, remainingMs, startedAt: started, tracker, onConfirmed: (confirmation) => database.confirmed(confirmation),
      }, results);
      planned = totalPlanned(phases);
      listener.onStart?.(planned);
      // The cap ends the run as a stop does: the report says STOPPED and counts what was not sent, never a plain PASSED.
      const cap = setTimeout(() => control.stop(`the run reached its maximum duration (${options.maxDurationMs} ms; --max-duration)`), remainingMs()).unref();
      try {
        outcomes = await runPhases(phases, listener);
      } finally {
        clearTimeout(cap);
        if (backoff.waited > 0) listener.onBackoff?.(backoff.waited, backoff.budgetMs);
        listener.onFinish?.();
      }
    } finally {
      // After Ctrl+C the teardown is bounded: the states with an effect first, then as much data as fits.
      const left = states ? await tearDownPlan(plan, states, { done: results.tornDown, ...(control.interrupted ? { withinMs: INTERRUPTED_TEARDOWN_WINDOW_MS } : {}) }) : [];
      for (const message of left) problems.state(message);
    }
    const sent = outcomes.reduce((sum, outcome) => sum + (outcome.ran ? outcome.cases : 0), 0);
    const stopped = control.reason === undefined ? undefined : { reason: control.reason, notRun: Math.max(0, planned - sent), ...(control.interrupted ? { interrupted: true } : {}) };
    if (stopped) listener.onStopped?.(stopped);
    return { baseUrl: target.baseUrl, embedded: target.embedded, apiKey: target.apiKey, pacts, conformance: results.conformance, ...(results.systematic ? { systematic: results.systematic } : {}), phases: [...firstOutcomes, ...outcomes], teardownProblems: problems.states, setupProblems: plan.problems ?? [], stateChanges: plan.changes, ...(target.stateUrl ? { stateUrl: target.stateUrl } : {}), ...(stopped ? { stopped } : {}), failures: database.summary() };
  } finally {
    await transport.close();
    await target.close();
  }
}

/** The states Pact's verifier tore down (read through a function: `pacts` is assigned in a phase's closure). */
const tornDownBy = (pacts: PactPhase): readonly StateChange[] => (pacts.ran ? pacts.tornDown : []);
