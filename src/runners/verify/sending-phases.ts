/**
 * The phases that send cases, as the plan's data (phases.ts): the systematic cases, the random phase, then the
 * rate-limited state. Each says what it plans to send and why it is skipped; the runner only executes them.
 */
import fc from 'fast-check';
import { validRequest } from '../../arbitraries/index.js';
import { runChecks, type CheckContext } from '../../checks/index.js';
import type { RunListener } from '../../events/index.js';
import { STATE } from '../../pact/state-names.js';
import type { OperationContract } from '../../validators/index.js';
import { runConformance, type ConformanceSummary } from './conformance.js';
import type { RunControl } from './control.js';
import { execute, type SendContext } from './execute.js';
import type { ResolvedVerifyOptions } from './options.js';
import type { PhaseName, Phase } from './phases.js';
import type { Fixture } from './plan.js';
import { plannedCases } from './planned-cases.js';
import type { StateClient } from './state-client.js';
import type { SystematicCase } from './systematic.js';
import { runSystematic, type SystematicSummary } from './systematic-run.js';

/** Requests sent while the rate-limited state holds: enough to see the 429, few enough not to flood. */
const RATE_LIMITED_CASES = 2;

/** What the sending phases work with, set up by the runner before they start. */
export interface SendingRun {
  readonly contract: OperationContract;
  readonly options: ResolvedVerifyOptions;
  /** Why a phase is skipped for the options alone (phases.ts optionSkips). */
  readonly skips: Readonly<Record<PhaseName, string | undefined>>;
  readonly edgeCases: readonly SystematicCase[];
  /** The systematic case a `--path edge:N` replays. */
  readonly edgeReplay: number | undefined;
  readonly fixtures: readonly Fixture[];
  readonly send: SendContext;
  readonly context: CheckContext;
  readonly listener: RunListener;
  readonly control: RunControl;
  readonly states: StateClient | undefined;
  /** What is left of the run's maximum duration. */
  remainingMs(): number;
}

/** What the sending phases found, filled as they run. */
export interface SendingResults {
  conformance: ConformanceSummary;
  systematic?: SystematicSummary;
}

/** The systematic, random and rate-limited phases of a run, in order; their summaries land in `results`. */
export function sendingPhases(run: SendingRun, results: SendingResults): Phase[] {
  const { contract, options, skips, edgeCases, edgeReplay, send, context, listener, control, states } = run;
  const existing = run.fixtures.find((fixture) => fixture.scenario.kind === 'existing');
  return [
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
      name: 'rate-limited', planned: RATE_LIMITED_CASES,
      skip: () => skips['rate-limited'] ?? (existing === undefined ? 'no integration was set up to address' : control.reason === undefined ? undefined : `the run stopped: ${control.reason}`),
      run: async () => (states && existing ? exerciseRateLimit(contract, existing, send, context, listener, states, options.seed) : 0),
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
  const edges = fixtures.filter((fixture) => fixture.edgeClass !== undefined);
  const step = Math.max(1, Math.floor(edges.length / RANDOM_EDGE_FIXTURES));
  return [...fixtures.filter((fixture) => fixture.edgeClass === undefined), ...edges.filter((_, index) => index % step === 0).slice(0, RANDOM_EDGE_FIXTURES)];
}

/** Sets the rate-limited state, sends a couple of valid cases (no more: a limited client backs off), tears it down; returns how many. */
async function exerciseRateLimit(contract: OperationContract, existing: Fixture, send: SendContext, context: CheckContext, listener: RunListener, states: StateClient, seed: number): Promise<number> {
  const change = { state: STATE.rateLimited, params: {} };
  await states.change(change, 'setup');
  try {
    for (const testCase of fc.sample(validRequest(contract, { params: existing.params }), { seed, numRuns: RATE_LIMITED_CASES })) {
      const exchange = await execute({ case: testCase, scenario: { kind: 'rate-limited' } }, send);
      listener.onExchange?.(exchange, runChecks(send.checks, context, exchange));
    }
  } finally {
    await states.change(change, 'teardown');
  }
  return RATE_LIMITED_CASES;
}
