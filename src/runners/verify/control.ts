/**
 * Stopping a run early: on a signal (Ctrl+C: an interruption, which also cuts short what is in flight), or when the
 * run cannot go on usefully (its cap, a provider that stopped answering, a state left in place, the 429 wait budget
 * spent). Loops ask `stopped` before each case; a plain stop lets what is in flight end within its own deadline.
 */
import type { ResponseOutcome, TransportErrorKind } from '../../checks/index.js';
import { fanOut, type RunListener } from '../../events/index.js';

/** Whether, and why, the run was told to stop. */
export class RunControl {
  private why: string | undefined;
  private readonly stops = new AbortController();

  constructor(readonly signal?: AbortSignal) {
    if (signal?.aborted) this.stop('interrupted');
    else signal?.addEventListener('abort', () => this.stop('interrupted'), { once: true });
  }

  /** Whether the run was interrupted (the signal), not merely stopped. */
  get interrupted(): boolean {
    return this.signal?.aborted === true;
  }

  get stopped(): boolean {
    return this.why !== undefined;
  }

  /** The first reason given, or undefined while the run goes on. */
  get reason(): string | undefined {
    return this.why;
  }

  /** Aborted at the first stop, with its reason: what runs as a whole (Pact's verifier) ends with the run. */
  get stopSignal(): AbortSignal {
    return this.stops.signal;
  }

  stop(reason: string): void {
    this.why ??= reason;
    if (!this.stops.signal.aborted) this.stops.abort(this.why);
  }
}

/** Transport failures of one kind in a row after which a plain request decides whether the provider is still there. */
const FAILURES_BEFORE_HEALTH_CHECK = 5;

/**
 * Watches outcomes as they arrive. After several transport failures of the same kind in a row it asks `stillThere`
 * (a plain request); if that fails too, the run stops. A provider that hangs on some inputs only keeps answering the
 * plain request, so its run goes on and each hang is a finding.
 */
export class ProviderHealth {
  private streak = 0;
  private kind: TransportErrorKind | undefined;
  private checking = false;

  constructor(private readonly control: RunControl, private readonly stillThere: () => Promise<boolean>, private readonly threshold = FAILURES_BEFORE_HEALTH_CHECK) {}

  observe(outcome: ResponseOutcome): void {
    if (!('error' in outcome)) {
      this.streak = 0;
      return;
    }
    this.streak = outcome.error === this.kind ? this.streak + 1 : 1;
    this.kind = outcome.error;
    if (this.streak < this.threshold || this.checking || this.control.stopped) return;
    this.checking = true;
    const { error: kind, message } = outcome;
    void this.stillThere().then((alive) => {
      this.checking = false;
      if (alive) this.streak = 0;
      else this.control.stop(`the provider stopped answering: ${this.threshold} ${kind} failures in a row (the last: ${message}), and a plain request failed too`);
    });
  }
}

/**
 * `listener`, deaf to exchanges and confirmations once the run is interrupted: an exchange cut short by Ctrl+C is
 * evidence of nothing (neither a timeout finding nor a flaky label), so the partial report holds only what finished.
 */
export function untilInterrupted(listener: RunListener, control: RunControl): RunListener {
  // Through fanOut: every event as an own function, whatever kind of object the listener is (a class's methods too).
  const all = fanOut(listener);
  return {
    ...all,
    onExchange: (exchange, runs) => void (control.interrupted || all.onExchange(exchange, runs)),
    onConfirmed: (finding, reproduced, of) => void (control.interrupted || all.onConfirmed(finding, reproduced, of)),
  };
}
