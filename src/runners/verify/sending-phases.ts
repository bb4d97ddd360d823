/**
 * The phases that send cases, as the plan's data (phases.ts): the probes of the states phase 1 tore down, the
 * systematic cases, the random phase, then the provider states (the rate-limited state exercised, each state with an
 * effect torn down and probed). Each says what it plans to send and why it is skipped; the runner only executes them.
 */
import type { CheckContext } from '../../checks/index.js';
import type { RunListener } from '../../events/index.js';
import type { OperationContract } from '../../validators/index.js';
import { runConformance, type ConformanceSummary } from './conformance.js';
import type { RunControl } from './control.js';
import type { SendContext } from './execute.js';
import type { ResolvedVerifyOptions } from './options.js';
import type { PhaseName, Phase } from './phases.js';
import type { Fixture, Plan } from './plan.js';
import { plannedCases } from './planned-cases.js';
import type { StateChange, StateClient } from './state-client.js';
import { plannedStateCases, probePactTeardowns, runStatePhase } from './state-phase.js';
import type { SystematicCase } from './systematic.js';
import { runSystematic, type SystematicSummary } from './systematic-run.js';
import { hasEffect } from './teardown-probe.js';

/** What the sending phases work with, set up by the runner before they start. */
export interface SendingRun {
  readonly contract: OperationContract;
  readonly options: ResolvedVerifyOptions;
  /** Why a phase is skipped for the options alone (phases.ts optionSkips). */
  readonly skips: Readonly<Record<PhaseName, string | undefined>>;
  readonly edgeCases: readonly SystematicCase[];
  /** The systematic case a `--path edge:N` replays. */
  readonly edgeReplay: number | undefined;
  readonly plan: Plan;
  readonly fixtures: readonly Fixture[];
  /** The provider states Pact's verifier tore down in phase 1. */
  readonly pactTeardowns: readonly StateChange[];
  readonly send: SendContext;
  readonly context: CheckContext;
  readonly listener: RunListener;
  readonly control: RunControl;
  readonly states: StateClient | undefined;
  /** What is left of the run's maximum duration. */
  remainingMs(): number;
}

/** What the sending phases found, filled as they run; `tornDown`, the plan's changes already undone (and probed). */
export interface SendingResults {
  conformance: ConformanceSummary;
  systematic?: SystematicSummary;
  tornDown: ReadonlySet<StateChange>;
}

/** The sending phases of a run, in order; their summaries land in `results`. */
export function sendingPhases(run: SendingRun, results: SendingResults): Phase[] {
  const { contract, options, skips, edgeCases, edgeReplay, send, context, listener, control, states } = run;
  const existing = run.fixtures.find((fixture) => fixture.scenario.kind === 'existing');
  const pactStates = new Set(run.pactTeardowns.filter(hasEffect).map((change) => change.state)).size;
  const stopped = (): string | undefined => (control.reason === undefined ? undefined : `the run stopped: ${control.reason}`);
  return [
    {
      name: 'pact-teardowns', planned: pactStates,
      skip: () => skips['pact-teardowns'] ?? (pactStates === 0 ? 'phase 1 tore down no state with an effect on answers' : existing === undefined ? 'no integration was set up to address' : stopped()),
      run: () => probePactTeardowns(run.pactTeardowns, { contract, fixtures: run.fixtures, send, context, listener, seed: options.seed }, control),
    },
    {
      name: 'systematic', planned: edgeReplay === undefined ? edgeCases.length : 1,
      skip: () => skips.systematic ?? (edgeCases.length === 0 ? 'the contract gives no systematic case' : undefined),
      run: async () => (results.systematic = await runSystematic(edgeCases, send, context, listener, { maxDurationMs: run.remainingMs(), concurrency: options.concurrency, seed: options.seed, control, ...(edgeReplay === undefined ? {} : { only: edgeReplay }) })).cases,
    },
    {
      name: 'random', planned: options.path === undefined ? options.runs : 1, skip: () => skips.random,
      run: async () => (results.conformance = await runConformance(plannedCases(contract, randomPhaseFixtures(run.fixtures)), send, context, listener, {
        runs: options.runs, seed: options.seed, concurrency: options.concurrency, strictContract: options.strictContract,
        maxDurationMs: run.remainingMs(), shrinkMs: options.shrinkMs, control, ...(options.path === undefined ? {} : { path: options.path }),
      })).cases,
    },
    {
      name: 'states', planned: plannedStateCases(run.plan),
      skip: () => skips.states ?? (existing === undefined ? 'no integration was set up to address' : stopped()),
      run: async () => {
        if (!states) return 0;
        const done = await runStatePhase({ contract, plan: run.plan, fixtures: run.fixtures, send, context, listener, states, seed: options.seed });
        results.tornDown = done.tornDown;
        return done.sent;
      },
    },
  ];
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
