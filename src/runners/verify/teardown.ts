/**
 * Undoing a run's provider states at its end: those with an effect on answers first (a key left rate limited, a
 * customer left forbidden break the provider for whoever comes next), then the data, newest first. A teardown that
 * fails is reported by the state client (a provider-state problem naming the state). After Ctrl+C it is done within a
 * short while, and what the deadline leaves undone is named. One at a time, always: a provider's store may not take
 * state changes side by side (SQLite locks, a single-threaded server).
 */
import type { Plan } from './plan.js';
import type { StateChange, StateClient } from './state-client.js';
import { hasEffect } from './teardown-probe.js';

/**
 * After Ctrl+C, no teardown starts this long after the run's teardown began: the states with an effect go first, and
 * the run's few hundred data changes fit with room to spare on loopback, but a slow state URL does not hold the exit.
 */
export const INTERRUPTED_TEARDOWN_WINDOW_MS = 2_000;

/** How the plan is undone. */
export interface TeardownOptions {
  /** Changes undone already (the state phase tore them down and probed them). */
  readonly done?: ReadonlySet<StateChange>;
  /** An interrupted run: start no teardown after this long (ms). */
  readonly withinMs?: number;
}

/** The order to undo changes in: those with an effect first, then newest first. */
export function teardownOrder(changes: readonly StateChange[]): StateChange[] {
  const newestFirst = [...changes].reverse();
  return [...newestFirst.filter(hasEffect), ...newestFirst.filter((change) => !hasEffect(change))];
}

/**
 * Undoes the plan's state changes but those `done` already. Failures are the client's to report (nothing is thrown:
 * teardown must finish); returns what was left undone for lack of time, worded for the report (empty when all was tried).
 */
export async function tearDownPlan(plan: Plan, states: StateClient, options: TeardownOptions = {}): Promise<string[]> {
  const order = teardownOrder(plan.changes.filter((change) => !options.done?.has(change)));
  const deadline = options.withinMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.withinMs;
  let left = order.length;
  for (const change of order) {
    if (Date.now() > deadline) break;
    left--;
    // Failures are the state client's to report: teardown goes on.
    await states.change(change, 'teardown').catch(() => undefined);
  }
  return left === 0 ? [] : [`${left} of the run's ${order.length} provider state changes were not torn down: the run was interrupted, and its teardown is bounded by ${options.withinMs ?? 0} ms`];
}
