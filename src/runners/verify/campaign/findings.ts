/**
 * The run's distinct failing findings as they appear: one per check and signature (the report's "same problem"),
 * each with the smallest exchange that showed it — after shrinking, the minimal case. What the confirmation phase
 * sends again and the failure database keeps.
 */
import { failsRun, type CheckRun, type Exchange, type Finding } from '../../../checks/index.js';
import type { RunListener } from '../../../events/index.js';
import { findingSignature, messageShape, requestSize } from '../../../report/index.js';

/** One distinct failing finding and the exchange that showed it. */
export interface TrackedFinding {
  /** `check-signature`: also the failure database's file name. */
  readonly key: string;
  readonly signature: string;
  readonly finding: Finding;
  readonly exchange: Exchange;
}

/** The signature of a finding: its check, kind and message shape, hashed (report/model.ts). */
export const signatureOf = (finding: Pick<Finding, 'check' | 'kind' | 'message'>): string =>
  findingSignature({ check: finding.check, kind: finding.kind, shape: messageShape(finding.message) });

/** The key of a finding in the tracker and the failure database. */
export const keyOf = (finding: Pick<Finding, 'check' | 'kind' | 'message'>): string => `${finding.check}-${signatureOf(finding)}`;

/** Scenarios a request alone recreates (with its data): a torn-down state is a sequence, not a request. */
export const replayable = (exchange: Exchange): boolean => exchange.scenario.kind !== 'torn-down';

/** Collects the run's failing findings; `onChange` hears each new one and each smaller exchange of a known one. */
export class FindingTracker {
  readonly #found = new Map<string, TrackedFinding>();

  constructor(private readonly strictContract: boolean, private readonly onChange: (tracked: TrackedFinding) => void = () => undefined) {}

  /** Every finding so far, in the order first seen. */
  get all(): readonly TrackedFinding[] {
    return [...this.#found.values()];
  }

  /** The listener that feeds it: each exchange's failing findings. */
  listener(): RunListener {
    return { onExchange: (exchange, runs) => this.observe(exchange, runs) };
  }

  observe(exchange: Exchange, runs: readonly CheckRun[]): void {
    if (!replayable(exchange)) return;
    for (const run of runs) {
      if (run.outcome.status !== 'failed') continue;
      for (const finding of run.outcome.findings.filter((f) => failsRun(f.kind, this.strictContract))) {
        const key = keyOf(finding);
        const known = this.#found.get(key);
        if (known && requestSize(known.exchange.request) <= requestSize(exchange.request)) continue;
        const tracked = { key, signature: signatureOf(finding), finding, exchange };
        this.#found.set(key, tracked);
        this.onChange(tracked);
      }
    }
  }
}
