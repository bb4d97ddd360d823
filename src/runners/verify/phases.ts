/**
 * A verify run as a plan (Schemathesis's ExecutionPlan is the model): phases as data, each with its name, the cases it
 * plans to send, why it is skipped when it is, and how it runs. This file is the one place that decides whether a
 * phase runs; the runner only executes the plan, and every phase's outcome goes to the listener in order (the report
 * shows each phase and why one was skipped).
 */
import type { PhaseOutcome, RunListener } from '../../events/index.js';
import type { ResolvedVerifyOptions } from './options.js';
import { parseEdgePath } from './replay-path.js';

/** The phases of a run, in the order they run. */
export const PHASES = ['failures', 'pacts', 'pact-teardowns', 'systematic', 'random', 'confirm', 'states'] as const;

/** One phase's name. */
export type PhaseName = (typeof PHASES)[number];

/** One phase of the plan. */
export interface Phase {
  readonly name: PhaseName;
  /** Cases it will send when it runs (progress counts them, a stopped run says how many were not sent). */
  readonly planned: number;
  /** Why it does not run, asked right before its turn (a stop may skip what was planned); undefined: it runs. */
  skip(): string | undefined;
  /** Runs it; resolves the cases sent, or why it found nothing to do after all (no pact files, no fixture). */
  run(): Promise<number | { readonly skipped: string }>;
}

/**
 * Why each phase is skipped for these options alone (undefined: it runs, unless something found at run time stops
 * it): the reasons a user can act on, worded for the report.
 */
export function optionSkips(options: ResolvedVerifyOptions, hasStateUrl: boolean): Readonly<Record<PhaseName, string | undefined>> {
  const edge = parseEdgePath(options.path);
  const replaysRandom = options.path !== undefined && edge === undefined;
  // Pact ids are fixed by the pact files, and the rate-limited state holds the whole key: one shard only.
  const laterShard = options.shard.index > 1 ? `shard ${options.shard.index}/${options.shard.count}: only shard 1/${options.shard.count} runs it` : undefined;
  return {
    failures: options.path !== undefined ? '--path replays one case' : options.failures === false && options.failuresFrom === undefined ? 'no failure database (--no-failures)' : undefined,
    pacts: options.path !== undefined ? '--path replays one phase 2 case' : options.skipPacts ? 'skipPacts is set' : laterShard,
    systematic: replaysRandom ? `--path ${options.path} replays one random case` : options.systematic ? undefined : 'systematic is off',
    'pact-teardowns': options.path !== undefined ? '--path replays one case' : options.skipPacts || laterShard !== undefined ? 'phase 1 did not run' : undefined,
    random: edge !== undefined ? `--path edge:${edge} replays one systematic case` : undefined,
    confirm: options.confirm === 0 ? 'confirm is 0' : undefined,
    states: !hasStateUrl ? 'no state URL: no provider state can be set up'
      : options.path !== undefined ? '--path replays one case' : laterShard,
  };
}

/** The cases the phases that will run plan to send. */
export const plannedCases = (phases: readonly Phase[]): number => phases.reduce((sum, phase) => sum + (phase.skip() === undefined ? phase.planned : 0), 0);

/** Runs the phases in order, telling the listener what each did; resolves the outcomes. */
export async function runPhases(phases: readonly Phase[], listener: RunListener): Promise<PhaseOutcome[]> {
  const outcomes: PhaseOutcome[] = [];
  for (const phase of phases) {
    const reason = phase.skip();
    const done = reason === undefined ? await phase.run() : { skipped: reason };
    const outcome: PhaseOutcome = typeof done === 'number' ? { phase: phase.name, ran: true, cases: done } : { phase: phase.name, ran: false, reason: done.skipped };
    outcomes.push(outcome);
    listener.onPhase?.(outcome);
  }
  return outcomes;
}
