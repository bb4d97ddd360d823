/**
 * What a runner tells its outputs as a run goes. Runners sit below the report layer, so they depend only on this
 * interface; the CLI passes in the report builder and the progress reporter, which implement it.
 */
import type { CheckRun } from './run.js';
import type { Exchange } from './types.js';

/** The result of verifying one pact interaction (the runner fills it). */
export interface PactOutcome {
  readonly description: string;
  readonly state?: string;
  readonly passed: boolean;
  readonly message?: string;
}

/** Receives a run's events; every method is optional. */
export interface RunListener {
  /** The run starts; `planned` exchanges are expected (for progress). */
  onStart?(planned: number): void;
  /** One exchange was recorded and the selected checks ran on it. */
  onExchange?(exchange: Exchange, runs: readonly CheckRun[]): void;
  onPact?(result: PactOutcome): void;
  /** The run cannot be done (provider unreachable, ...): exit code 2. */
  onAbort?(reason: string): void;
  /** In all, the run waited this long because 429 answers said to (Retry-After). */
  onBackoff?(waitedMs: number): void;
  /** The run stopped before its end (a signal, a provider that stopped answering); `notRun` planned cases were not sent. */
  onStopped?(reason: string, notRun: number): void;
  onFinish?(): void;
}

/** One listener that forwards every event to each of `listeners`, in order. */
export function fanOut(...listeners: readonly RunListener[]): Required<RunListener> {
  return {
    onStart: (planned) => listeners.forEach((listener) => listener.onStart?.(planned)),
    onExchange: (exchange, runs) => listeners.forEach((listener) => listener.onExchange?.(exchange, runs)),
    onPact: (result) => listeners.forEach((listener) => listener.onPact?.(result)),
    onAbort: (reason) => listeners.forEach((listener) => listener.onAbort?.(reason)),
    onBackoff: (waitedMs) => listeners.forEach((listener) => listener.onBackoff?.(waitedMs)),
    onStopped: (reason, notRun) => listeners.forEach((listener) => listener.onStopped?.(reason, notRun)),
    onFinish: () => listeners.forEach((listener) => listener.onFinish?.()),
  };
}

/** How many findings in `runs` fail the run (violations, and contract defects when strict): for progress lines. */
export function failingFindings(runs: readonly CheckRun[], strictContract = false): number {
  return runs.reduce((sum, { outcome }) => {
    if (outcome.status !== 'failed') return sum;
    return sum + outcome.findings.filter((f) => f.kind === 'violation' || (strictContract && f.kind === 'contract-defect')).length;
  }, 0);
}
