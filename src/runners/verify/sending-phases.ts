/**
 * The phases that send cases, as the plan's data (phases.ts): the probes of the states phase 1 tore down, the
 * systematic cases, the random phase, then the provider states (the rate-limited state exercised, each state with an
 * effect torn down and probed). Each says what it plans to send and why it is skipped; the runner only executes them.
 */
import type { CheckContext } from '../../checks/index.js';
import type { RunListener } from '../../events/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { ConformanceSummary } from './conformance.js';
import { confirmFindings, type Confirmation } from './campaign/confirm.js';
import type { FindingTracker } from './campaign/findings.js';
import { runRandomPhase } from './campaign/random-phase.js';
import type { RunControl } from './control.js';
import type { RunProblems } from './run-problems.js';
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
import { formatShard, isSharded } from './campaign/shard.js';

/** What the sending phases work with, set up by the runner before they start. */
export interface SendingRun {
  readonly contract: OperationContract;
  readonly options: ResolvedVerifyOptions;
  /** Why a phase is skipped for the options alone (phases.ts optionSkips). */
  readonly skips: Readonly<Record<PhaseName, string | undefined>>;
  readonly edgeCases: readonly SystematicCase[];
  /** The indices of the cases this run (or shard) sends. */
  readonly edgeIndices: ReadonlySet<number>;
  /** The systematic case a `--path edge:N` replays. */
  readonly edgeReplay: number | undefined;
  readonly plan: Plan;
  readonly fixtures: readonly Fixture[];
  /** What the random phase aims at. */
  readonly randomFixtures: readonly Fixture[];
  /** The run's failing findings so far (the confirm phase sends each again). */
  readonly tracker: FindingTracker;
  /** Hears each confirmation (the failure database keeps it). */
  readonly onConfirmed?: (confirmation: Confirmation) => void;
  /** When the first case went out (a campaign's budget counts from there). */
  readonly startedAt: number;
  /** The provider states Pact's verifier tore down in phase 1. */
  readonly pactTeardowns: readonly StateChange[];
  readonly send: SendContext;
  readonly context: CheckContext;
  readonly listener: RunListener;
  readonly control: RunControl;
  readonly states: StateClient | undefined;
  /** Where the state phase reports a set-up the state URL refused. */
  readonly problems: RunProblems;
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
  const streams = isSharded(options.shard) ? 1 : options.randomSeeds;
  const replayShard = isSharded(options.shard) ? { shard: formatShard(options.shard) } : {};
  return [
    {
      name: 'pact-teardowns', planned: pactStates,
      skip: () => skips['pact-teardowns'] ?? (pactStates === 0 ? 'phase 1 tore down no state with an effect on answers' : existing === undefined ? 'no integration was set up to address' : stopped()),
      run: () => probePactTeardowns(run.pactTeardowns, { contract, fixtures: run.fixtures, send, context, listener, seed: options.seed }, control),
    },
    {
      name: 'systematic', planned: edgeReplay === undefined ? run.edgeIndices.size : 1,
      skip: () => skips.systematic ?? (edgeCases.length === 0 ? 'the contract gives no systematic case' : run.edgeIndices.size === 0 ? 'no systematic case is this shard\'s' : undefined),
      run: async () => (results.systematic = await runSystematic(edgeCases, send, context, listener, { maxDurationMs: run.remainingMs(), concurrency: options.concurrency, seed: options.seed, control, ...replayShard, ...(edgeReplay === undefined ? { indices: run.edgeIndices } : { only: edgeReplay }) })).cases,
    },
    {
      // A campaign plans no count: it runs until its budget is spent.
      name: 'random', planned: options.path !== undefined ? 1 : options.maxTimeMs !== undefined ? 0 : options.runs * streams, skip: () => skips.random,
      run: async () => (results.conformance = await runRandomPhase({ arbitrary: plannedCases(contract, run.randomFixtures), options, send, context, listener, control, remainingMs: run.remainingMs, startedAt: run.startedAt })).cases,
    },
    {
      name: 'confirm', planned: 0,
      skip: () => skips.confirm ?? (run.tracker.all.length === 0 ? 'no finding to confirm' : stopped()),
      run: () => confirmFindings(run.tracker.all, options.confirm, { send, context, listener, control, strictContract: options.strictContract, ...(run.onConfirmed ? { onConfirmed: run.onConfirmed } : {}) }),
    },
    {
      name: 'states', planned: plannedStateCases(run.plan),
      skip: () => skips.states ?? (existing === undefined ? 'no integration was set up to address' : stopped()),
      run: async () => {
        if (!states) return 0;
        const done = await runStatePhase({ contract, plan: run.plan, fixtures: run.fixtures, send, context, listener, states, seed: options.seed, control, problems: run.problems });
        results.tornDown = done.tornDown;
        return done.sent;
      },
    },
  ];
}
