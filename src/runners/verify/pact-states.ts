/**
 * The provider states Pact's verifier made through the relay in phase 1: those it tore down (verify probes the ones
 * with an effect), and those it set up and never tore down — the verifier was stopped mid-interaction — which verify
 * undoes itself. A teardown that failed is neither: it was reported, and is not tried again.
 */
import type { StateAction, StateChange } from './state-client.js';

/** Setups and teardowns pair up by state and params (Pact sends the same for both halves of an interaction). */
const keyOf = (change: StateChange): string => JSON.stringify([change.state, change.params]);

/** Tracks phase 1's state changes as the relay passes them on. */
export class PactStates {
  /** Teardowns the state URL accepted, in order. */
  readonly tornDown: StateChange[] = [];
  private readonly open = new Map<string, StateChange[]>();

  /** The state URL accepted `change`. */
  accepted(change: StateChange, action: StateAction): void {
    if (action === 'teardown') {
      this.tornDown.push(change);
      this.close(change);
    } else this.open.set(keyOf(change), [...(this.open.get(keyOf(change)) ?? []), change]);
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
