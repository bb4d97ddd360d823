/** The events of a campaign: epochs of the random phase, findings sent again, the failure database replayed. */

/** A campaign's random phase drew the first case of an epoch: its stream (`1/1`, or a shard's `2/4`), index and seed. */
export interface EpochStart {
  readonly stream: string;
  readonly epoch: number;
  readonly seed: number;
}

/** How one entry of the failure database fared when replayed. */
export type ReplayStatus = 'still-failing' | 'fixed' | 'not-judged';

/** One entry of the failure database, replayed before the run's own cases. */
export interface FailureReplay {
  /** `check-signature`: the entry's file name without `.json`. */
  readonly key: string;
  readonly check: string;
  readonly status: ReplayStatus;
  /** `database` (written by this run) or `read-only` (`--failures-from`, never written). */
  readonly source: 'database' | 'read-only';
  /** Why it was not judged, or what became of a fixed entry (pruned, kept). */
  readonly note?: string;
}
