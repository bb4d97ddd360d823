/**
 * What leaves a run incomplete though it goes on, met as the run goes: a teardown that failed on every try (naming the
 * state; a key left rate limited stops the run, since every later answer would be 429 and judge nothing), provider
 * states an interrupted run had no time to undo, a phase cut off at its limit. Each goes to the listener (the report
 * shows it, and without a violation the run gives no verdict) and, for states, to the summary's `teardownProblems`.
 */
import type { RunListener } from '../../events/index.js';
import { STATE } from '../../pact/state-names.js';
import type { RunControl } from './control.js';
import type { StateChange } from './state-client.js';

/** The run's problems so far. */
export class RunProblems {
  /** The provider-state problems, worded for the summary and the report. */
  readonly states: string[] = [];

  constructor(private readonly listener: RunListener, private readonly control: RunControl) {}

  /** A teardown failed on every try: the state is named, and a key left rate limited stops the run. */
  readonly teardownFailed = (change: StateChange, message: string): void => {
    this.state(message, change.state);
    if (change.state === STATE.rateLimited) this.control.stop(`the provider is left rate limited: the teardown of "${STATE.rateLimited}" failed, so every further request would be answered 429`);
  };

  /** A provider-state problem that names no one state (changes an interrupted run had no time to undo). */
  state(message: string, state?: string): void {
    this.states.push(message);
    this.listener.onProblem?.({ kind: 'provider-state', message, ...(state === undefined ? {} : { state }) });
  }

  /** The pact phase was cut off before its verdict (its limit). */
  pactPhaseCut(message: string): void {
    this.listener.onProblem?.({ kind: 'pact-phase', message });
  }
}
