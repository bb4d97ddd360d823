/**
 * `verify`, executed as a plan (phases.ts, sending-phases.ts): phase 1 verifies the pacts with Pact's Verifier; phase 2
 * sends the systematic cases (every edge class, the same whatever the seed), then runs property-based conformance
 * with the checks; then the rate-limited state is exercised. Events go to the listener (report, progress, log);
 * nothing is printed.
 */
import { createCheckContext, selectChecks } from '../../checks/index.js';
import { fanOut, type PhaseOutcome, type RunListener } from '../../events/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { ConformanceSummary } from './conformance.js';
import { Backoff } from './backoff.js';
import type { SendContext } from './execute.js';
import { runPactPhase, type PactPhase } from './pacts.js';
import { tearDownPlan } from './plan.js';
import { createStateClient, STATE_CHANGE_TIMEOUT_MS, type StateChange } from './state-client.js';
import type { SystematicSummary } from './systematic-run.js';
import { sendingPhases, type SendingResults } from './sending-phases.js';
import { parseEdgePath } from './replay-path.js';
import { openTarget, probe, stillAnswers } from './target.js';
import { ProviderHealth, RunControl } from './control.js';
import { createTransport } from './transport.js';
import { refuseDocumentedHeaders } from './extra-headers.js';
import { apiKeyHeaderOf } from '../../contract/operation.js';
import type { ResolvedVerifyOptions } from './options.js';
import { pathParamNames } from '../../arbitraries/index.js';
import { prepareRunData } from './campaign/run-data.js';
import { RunDatabase, type FailureDatabaseSummary } from './failures/database.js';
import { optionSkips, plannedCases as totalPlanned, runPhases } from './phases.js';

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
  readonly teardownProblems: readonly string[];
  /** Edge fixtures the provider's state URL refused to set up, each left out of the run. */
  readonly setupProblems: readonly string[];
  /** The state changes phase 2 made (for regression tests that must recreate a case's data). */
  readonly stateChanges: readonly StateChange[];
  readonly stateUrl?: string;
  /** Set when the run stopped before its end: why, and how many planned cases were not sent. */
  readonly stopped?: { readonly reason: string; readonly notRun: number };
  /** What the failure database did: where it is, what this run wrote. */
  readonly failures: FailureDatabaseSummary;
}

/**
 * Runs verify end to end on resolved options (see options.ts: no default is decided here) as a plan of phases (see
 * phases.ts: no skip is decided here); harness problems (unreachable provider, bad options) throw HarnessErrors (exit 2).
 */
export async function verify(contract: OperationContract, options: ResolvedVerifyOptions, listener: RunListener): Promise<VerifySummary> {
  const checks = selectChecks(options.checks);
  const edgeReplay = parseEdgePath(options.path);
  refuseDocumentedHeaders(contract, options.headers);
  const target = await openTarget(options);
  const transport = createTransport({ baseUrl: target.baseUrl, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, connections: options.concurrency });
  try {
    await probe(contract, transport, target.baseUrl);
    const skips = optionSkips(options, target.stateUrl !== undefined);
    const keyHeader = apiKeyHeaderOf(contract.operation) ?? 'X-API-KEY';
    // Setting up data may take a provider longer than answering a request: its own, longer bound.
    const states = target.stateUrl ? createStateClient(target.stateUrl, Math.max(options.timeoutMs, STATE_CHANGE_TIMEOUT_MS), undefined, options.headers) : undefined;
    const control = new RunControl(options.signal);
    const health = new ProviderHealth(control, () => stillAnswers(contract, transport));
    const send: SendContext = { contract, transport, baseUrl: target.baseUrl, apiKey: target.apiKey, headers: options.headers, checks, backoff: new Backoff(options.maxBackoffMs), health };
    const context = createCheckContext(contract);
    const database = new RunDatabase({ contract, options, send, context, listener, control, states, secrets: [target.apiKey] });
    let pacts: PactPhase = { ran: false, reason: skips.pacts ?? '' };
    const firstOutcomes = await runPhases([database.phase(skips.failures), {
      name: 'pacts', planned: 0, skip: () => skips.pacts,
      run: async () => {
        let interactions = 0;
        pacts = await runPactPhase({ providerBaseUrl: target.baseUrl, apiKey: target.apiKey, keyHeader, headers: options.headers, timeoutMs: options.timeoutMs, ...(target.stateUrl ? { stateUrl: target.stateUrl } : {}), pactsDir: options.pactsDir, ...(options.broker ? { broker: options.broker } : {}) }, fanOut(listener, { onPact: () => void interactions++ }));
        return pacts.ran ? interactions : { skipped: pacts.reason };
      },
    }], listener);
    const data = await prepareRunData(contract, options, states, skips.systematic === undefined, edgeReplay);
    const { plan, fixtures } = data;
    const tracker = database.tracker(plan, pathParamNames(contract)[0]);
    const started = Date.now();
    const remainingMs = (): number => Math.max(0, options.maxDurationMs - (Date.now() - started));
    const results: SendingResults = { conformance: { cases: 0, shrunk: new Map(), interrupted: false }, tornDown: new Set() };
    const pactTeardowns = tornDownBy(pacts);
    const phases = sendingPhases({
      contract, options, skips, edgeCases: data.edgeCases, edgeIndices: data.indices, edgeReplay, plan, fixtures, randomFixtures: data.randomFixtures, pactTeardowns,
      send, context, listener: fanOut(listener, tracker.listener()), control, states, remainingMs, startedAt: started, tracker, onConfirmed: (confirmation) => database.confirmed(confirmation),
    }, results);
    const planned = totalPlanned(phases);
    listener.onStart?.(planned);
    let outcomes: PhaseOutcome[] = [];
    // The cap ends the run as a stop does: the report says STOPPED EARLY and counts what was not sent, never a plain PASSED.
    const cap = setTimeout(() => control.stop(`the run reached its maximum duration (${options.maxDurationMs} ms; --max-duration)`), remainingMs()).unref();
    try {
      outcomes = await runPhases(phases, listener);
    } finally {
      clearTimeout(cap);
      if (send.backoff.waited > 0) listener.onBackoff?.(send.backoff.waited);
      listener.onFinish?.();
    }
    const teardownProblems = states ? await tearDownPlan(plan, states, results.tornDown) : [];
    const sent = outcomes.reduce((sum, outcome) => sum + (outcome.ran ? outcome.cases : 0), 0);
    const stopped = control.reason === undefined ? {} : { stopped: { reason: control.reason, notRun: Math.max(0, planned - sent) } };
    if (stopped.stopped) listener.onStopped?.(stopped.stopped.reason, stopped.stopped.notRun);
    return { baseUrl: target.baseUrl, embedded: target.embedded, apiKey: target.apiKey, pacts, conformance: results.conformance, ...(results.systematic ? { systematic: results.systematic } : {}), phases: [...firstOutcomes, ...outcomes], teardownProblems, setupProblems: plan.problems ?? [], stateChanges: plan.changes, ...(target.stateUrl ? { stateUrl: target.stateUrl } : {}), ...stopped, failures: database.summary() };
  } finally {
    await transport.close();
    await target.close();
  }
}

/** The states Pact's verifier tore down (read through a function: `pacts` is assigned in a phase's closure). */
const tornDownBy = (pacts: PactPhase): readonly StateChange[] => (pacts.ran ? pacts.tornDown : []);
