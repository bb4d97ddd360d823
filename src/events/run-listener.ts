/**
 * Run events: what a runner tells its outputs as a run goes (Schemathesis's one event stream, a handler per output).
 * verify and the mock emit them; the report builders, the progress reporter, the traffic log and the pact recording
 * listen. Both sides depend on this interface and neither on the other, so the
 * dependency direction stays one way (checks → events → runners, and events → report).
 */
import type { CheckRun, Exchange, Finding } from '../checks/index.js';
import type { EpochStart, FailureReplay } from './campaign-events.js';
import type { ClientExchange } from './client-exchange.js';

/** The result of verifying one pact interaction (the runner fills it). */
export interface PactOutcome {
  readonly description: string;
  readonly state?: string;
  readonly passed: boolean;
  readonly message?: string;
}

/** What one phase of a run did: ran and sent `cases` (pact interactions for `pacts`), or was skipped, and why. */
export type PhaseOutcome =
  | { readonly phase: string; readonly ran: true; readonly cases: number }
  | { readonly phase: string; readonly ran: false; readonly reason: string };

/**
 * A problem that kept a run from being complete though it went on (the report shows each; without a violation the
 * run gives no verdict): a provider state its teardown left in place, a phase cut off at its limit.
 */
export interface RunProblem {
  readonly kind: 'provider-state' | 'pact-phase';
  readonly message: string;
  /** The provider state it is about. */
  readonly state?: string;
}

/** Why a run stopped before its end, and how many planned cases it did not send. */
export interface RunStop {
  readonly reason: string;
  readonly notRun: number;
  /** Stopped by the signal (Ctrl+C), not by a limit or the provider. */
  readonly interrupted?: boolean;
}

/** Receives a run's events; every method is optional. */
export interface RunListener {
  /** The run starts; `planned` exchanges are expected (for progress). */
  onStart?(planned: number): void;
  /** One exchange was recorded and the selected checks ran on it. */
  onExchange?(exchange: Exchange, runs: readonly CheckRun[]): void;
  onPact?(result: PactOutcome): void;
  /** The mock answered one request of a client (logged, with the contract's verdict on it). */
  onClientExchange?(exchange: ClientExchange): void;
  /** A phase ended, or was skipped (with the reason); phases are reported in the order of the run's plan. */
  onPhase?(outcome: PhaseOutcome): void;
  /** The run cannot be done (provider unreachable, ...): exit code 2. */
  onAbort?(reason: string): void;
  /** In all, the run waited this long because 429 answers said to (Retry-After), of a budget of `budgetMs`. */
  onBackoff?(waitedMs: number, budgetMs?: number): void;
  /** The run stopped before its end (a signal, a limit, a provider that stopped answering). */
  onStopped?(stop: RunStop): void;
  /** Something left the run incomplete though it went on (a failed teardown, a phase cut off). */
  onProblem?(problem: RunProblem): void;
  /** A campaign's random phase started an epoch (a fresh seed: progress prints it). */
  onEpoch?(epoch: EpochStart): void;
  /** A finding was sent again `of` times, and failed the same way (same check, same signature) `reproduced` times. */
  onConfirmed?(finding: Finding, reproduced: number, of: number): void;
  /** An entry of the failure database was replayed. */
  onFailureReplayed?(replay: FailureReplay): void;
  onFinish?(): void;
}

/** One listener that forwards every event to each of `listeners`, in order. */
export function fanOut(...listeners: readonly RunListener[]): Required<RunListener> {
  return {
    onStart: (planned) => listeners.forEach((listener) => listener.onStart?.(planned)),
    onExchange: (exchange, runs) => listeners.forEach((listener) => listener.onExchange?.(exchange, runs)),
    onPact: (result) => listeners.forEach((listener) => listener.onPact?.(result)),
    onClientExchange: (exchange) => listeners.forEach((listener) => listener.onClientExchange?.(exchange)),
    onPhase: (outcome) => listeners.forEach((listener) => listener.onPhase?.(outcome)),
    onAbort: (reason) => listeners.forEach((listener) => listener.onAbort?.(reason)),
    onBackoff: (waitedMs, budgetMs) => listeners.forEach((listener) => listener.onBackoff?.(waitedMs, budgetMs)),
    onStopped: (stop) => listeners.forEach((listener) => listener.onStopped?.(stop)),
    onProblem: (problem) => listeners.forEach((listener) => listener.onProblem?.(problem)),
    onEpoch: (epoch) => listeners.forEach((listener) => listener.onEpoch?.(epoch)),
    onConfirmed: (finding, reproduced, of) => listeners.forEach((listener) => listener.onConfirmed?.(finding, reproduced, of)),
    onFailureReplayed: (replay) => listeners.forEach((listener) => listener.onFailureReplayed?.(replay)),
    onFinish: () => listeners.forEach((listener) => listener.onFinish?.()),
  };
}
