/**
 * The end of phase 2, about provider states themselves: the rate-limited state exercised with a couple of requests,
 * then each state with an effect on answers torn down and probed (see teardown-probe.ts), so that a state kept past
 * its teardown is a finding that names it.
 */
import fc from 'fast-check';
import { validRequest } from '../../arbitraries/index.js';
import { runChecks, type CheckContext } from '../../checks/index.js';
import type { RunListener } from '../../events/index.js';
import { STATE } from '../../pact/state-names.js';
import type { OperationContract } from '../../validators/index.js';
import { execute, type SendContext } from './execute.js';
import type { Fixture, Plan } from './plan.js';
import type { RunControl } from './control.js';
import type { RunProblems } from './run-problems.js';
import type { StateChange, StateClient } from './state-client.js';
import { hasEffect, probeTeardown } from './teardown-probe.js';

/** Requests sent while the rate-limited state holds: enough to see the 429, few enough not to flood. */
export const RATE_LIMITED_CASES = 2;

/** What the state phase needs from the run. */
export interface StatePhaseInputs {
  readonly contract: OperationContract;
  readonly plan: Plan;
  readonly fixtures: readonly Fixture[];
  readonly send: SendContext;
  readonly context: CheckContext;
  readonly listener: RunListener;
  readonly states: StateClient;
  readonly seed: number;
  /** Asked before each probe: a stopped run sends no more (its teardowns still happen). */
  readonly control: RunControl;
  /** Where a set-up the state URL refused goes (teardowns are reported by the state client). */
  readonly problems: RunProblems;
}

/** What it did: requests sent, and the plan's changes it already tore down (the run's final teardown skips them). */
export interface StatePhaseResult {
  readonly sent: number;
  readonly tornDown: ReadonlySet<StateChange>;
}

/** The existing record a probe falls back on: a drawn one (no edge value to muddle the answer) if there is one. */
const plainExisting = (fixtures: readonly Fixture[]): Fixture | undefined =>
  fixtures.find((fixture) => fixture.scenario.kind === 'existing' && fixture.edgeClass === undefined) ?? fixtures.find((fixture) => fixture.scenario.kind === 'existing');

/** Tears `change` down; false when that failed (the state client reports it, naming the state). */
const tornDown = (states: StateClient, change: StateChange): Promise<boolean> => states.change(change, 'teardown').then(() => true, () => false);

/**
 * Sets the rate-limited state, sends a couple of valid cases (no more: a limited client backs off), tears it down and
 * probes; true when the key stayed limited (the probe found it so, or the teardown failed: probing would only meet
 * the 429s it left).
 */
async function exerciseRateLimit(inputs: StatePhaseInputs, existing: Fixture): Promise<boolean> {
  const { contract, send, context, listener, states, seed } = inputs;
  const change: StateChange = { state: STATE.rateLimited, params: {} };
  try {
    await states.change(change, 'setup');
  } catch (error) {
    // A set-up abandoned at Ctrl+C may still have been applied: it is undone all the same.
    if (inputs.control.stopped) return !(await tornDown(states, change));
    inputs.problems.state(`the set-up of provider state "${change.state}" failed: ${(error as Error).message}`, change.state);
    return false;
  }
  let undone = false;
  try {
    for (const testCase of fc.sample(validRequest(contract, { params: existing.params }), { seed, numRuns: RATE_LIMITED_CASES })) {
      if (inputs.control.stopped) break;
      const exchange = await execute({ case: testCase, scenario: { kind: 'rate-limited' } }, send);
      listener.onExchange?.(exchange, runChecks(send.checks, context, exchange));
    }
  } finally {
    undone = await tornDown(states, change);
  }
  if (!undone) return true;
  return !inputs.control.stopped && probeTeardown(change, existing, send, context, listener, seed);
}

/** Runs the state phase: the rate-limited state, then the plan's states with an effect torn down early and probed. */
export async function runStatePhase(inputs: StatePhaseInputs): Promise<StatePhaseResult> {
  const existing = plainExisting(inputs.fixtures);
  if (!existing) return { sent: 0, tornDown: new Set() };
  const stuck = await exerciseRateLimit(inputs, existing);
  let sent = RATE_LIMITED_CASES + 1;
  const done = new Set<StateChange>();
  // A key still limited would answer every other probe 429: they would judge nothing.
  if (stuck) return { sent, tornDown: done };
  for (const change of inputs.plan.changes.filter(hasEffect)) {
    // Tried once here, whatever came of it: a failed teardown is reported, not tried again at the end.
    const undone = await tornDown(inputs.states, change);
    done.add(change);
    if (!undone || inputs.control.stopped) continue;
    await probeTeardown(change, existing, inputs.send, inputs.context, inputs.listener, inputs.seed);
    sent++;
  }
  return { sent, tornDown: done };
}

/** How many requests the state phase plans for a plan: the rate-limited cases and a probe per state with an effect. */
export const plannedStateCases = (plan: Plan): number => RATE_LIMITED_CASES + 1 + plan.changes.filter(hasEffect).length;

/**
 * Probes the states Pact's verifier tore down in phase 1 (each state with an effect once, the last of each kind): a
 * key still rate limited would turn phase 2 into nothing but 429s, so the run stops there, with the finding that
 * names the state. Returns the requests sent.
 */
export async function probePactTeardowns(tornDown: readonly StateChange[], inputs: Omit<StatePhaseInputs, 'plan' | 'states' | 'control' | 'problems'>, control: RunControl): Promise<number> {
  const existing = plainExisting(inputs.fixtures);
  if (!existing) return 0;
  const last = new Map<string, StateChange>();
  for (const change of tornDown.filter(hasEffect)) last.set(change.state, change);
  let sent = 0;
  for (const change of last.values()) {
    sent++;
    const stuck = await probeTeardown(change, existing, inputs.send, inputs.context, inputs.listener, inputs.seed);
    if (stuck && change.state === STATE.rateLimited) {
      control.stop(`the provider still answers 429 after Pact's teardown of "${change.state}" (state_teardown): phase 2 would meet nothing else`);
    }
  }
  return sent;
}
