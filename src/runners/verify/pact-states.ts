/**
 * The provider states Pact's verifier made through the relay in phase 1: those it tore down (verify probes the ones
 * with an effect), and those it set up and never tore down — the verifier was stopped mid-interaction — which verify
 * undoes itself. A set-up counts from when it is sent (one abandoned in flight may still be applied; undoing a state
 * that was not set up is harmless). A teardown that failed is neither: it was reported, and is not tried again.
 */
import type { StateChange } from './state-client.js';

/** Setups and teardowns pair up by state and params (Pact sends the same for both halves of an interaction). */
const keyOf = (change: StateChange): string => JSON.stringify([change.state, change.params]);

/** Tracks phase 1's state changes as the relay passes them on. */
export class PactStates {
  /** Teardowns the state URL accepted, in order. */
  readonly tornDown: StateChange[] = [];
  private readonly open = new Map<string, StateChange[]>();

  /** A set-up was passed on. */
  setUp(change: StateChange): void {
    this.open.set(keyOf(change), [...(this.open.get(keyOf(change)) ?? []), change]);
  }

  /** The state URL accepted a teardown. */
  tornDownOk(change: StateChange): void {
    this.tornDown.push(change);
    this.close(change);
  }

  /** Its teardown failed on every try: reported as a problem, so not undone again. */
  failed(change: StateChange): void {
    this.close(change);
  }

  /** The setups never torn down, newest first (the order to undo them in). */
  leftOver(): StateChange[] {
    return [...this.open.values()].flat().reverse();
  }

  private close(change: StateChange): void {
    const setups = this.open.get(keyOf(change));
    setups?.pop();
    if (setups?.length === 0) this.open.delete(keyOf(change));
  }
}
