/**
 * Undoing a run's provider states at its end: those with an effect on answers first (a key left rate limited, a
 * customer left forbidden break the provider for whoever comes next), then the data, newest first. A teardown that
 * fails is reported by the state client (a provider-state problem naming the state). After Ctrl+C it is done within a
 * short while: the data of different customers at once, and what the deadline leaves undone is named.
 */
import type { Plan } from './plan.js';
import type { StateChange, StateClient } from './state-client.js';
import { hasEffect } from './teardown-probe.js';

/** Customers whose data an interrupted run tears down at once (one customer's changes stay in order). */
const INTERRUPTED_CONCURRENCY = 8;

/** How the plan is undone. */
export interface TeardownOptions {
  /** Changes undone already (the state phase tore them down and probed them). */
  readonly done?: ReadonlySet<StateChange>;
  /** An interrupted run: start no teardown after this long (ms), and tear down several customers at once. */
  readonly withinMs?: number;
}

/** The order to undo changes in: those with an effect first, then newest first. */
export function teardownOrder(changes: readonly StateChange[]): StateChange[] {
  const newestFirst = [...changes].reverse();
  return [...newestFirst.filter(hasEffect), ...newestFirst.filter((change) => !hasEffect(change))];
}

/** The changes in groups that may be undone side by side: one per customer, in order within each. */
function byCustomer(changes: readonly StateChange[]): StateChange[][] {
  const groups = new Map<string, StateChange[]>();
  for (const change of changes) {
    const customer = typeof change.params['customerId'] === 'string' ? change.params['customerId'] : '';
    groups.set(customer, [...(groups.get(customer) ?? []), change]);
  }
  return [...groups.values()];
}

/**
 * Undoes the plan's state changes but those `done` already. Failures are the client's to report (nothing is thrown:
 * teardown must finish); returns what was left undone for lack of time, worded for the report (empty when all was tried).
 */
export async function tearDownPlan(plan: Plan, states: StateClient, options: TeardownOptions = {}): Promise<string[]> {
  const order = teardownOrder(plan.changes.filter((change) => !options.done?.has(change)));
  const undo = (change: StateChange): Promise<void> => states.change(change, 'teardown').catch(() => undefined);
  if (options.withinMs === undefined) {
    for (const change of order) await undo(change);
    return [];
  }
  const deadline = Date.now() + options.withinMs;
  let left = order.length;
  const effects = order.filter(hasEffect);
  for (const change of effects) {
    if (Date.now() > deadline) break;
    left--;
    await undo(change);
  }
  const groups = byCustomer(order.filter((change) => !hasEffect(change)));
  const worker = async (): Promise<void> => {
    for (let group = groups.shift(); group !== undefined; group = groups.shift()) {
      for (const change of group) {
        if (Date.now() > deadline) return;
        left--;
        await undo(change);
      }
    }
  };
  await Promise.all(Array.from({ length: INTERRUPTED_CONCURRENCY }, worker));
  return left === 0 ? [] : [`${left} of the run's ${order.length} provider state changes were not torn down: the run was interrupted, and its teardown is bounded by ${options.withinMs} ms`];
}
