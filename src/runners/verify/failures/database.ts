/**
 * The failure database in a run: opened before anything is sent, replayed as the run's first phase, then written as
 * the run's findings appear and are confirmed.
 */
import type { CheckContext } from '../../../checks/index.js';
import type { RunListener } from '../../../events/index.js';
import type { OperationContract } from '../../../validators/index.js';
import { FindingTracker } from '../campaign/findings.js';
import type { RunControl } from '../control.js';
import type { SendContext } from '../execute.js';
import type { ResolvedVerifyOptions } from '../options.js';
import type { Phase } from '../phases.js';
import type { Plan } from '../plan.js';
import type { StateClient } from '../state-client.js';
import type { FailureEntry } from './entry.js';
import { dataOf, FailureRecorder } from './recorder.js';
import { ownEntries, replayFailures } from './replay-phase.js';
import { FailureStore, type Loaded } from './store.js';

/** What a run's failure database did, for the CLI's summary line. */
export interface FailureDatabaseSummary {
  /** The writable database, absolute (absent with --no-failures). */
  readonly dir?: string;
  readonly readOnly?: string;
  /** Entries written this run, and how many of them are new. */
  readonly written: number;
  readonly fresh: number;
  /** Files in the database that are no entry (left alone). */
  readonly problems: readonly string[];
}

/** What the database needs from the run. */
export interface DatabaseInputs {
  readonly contract: OperationContract;
  readonly options: ResolvedVerifyOptions;
  readonly send: SendContext;
  readonly context: CheckContext;
  readonly listener: RunListener;
  readonly control: RunControl;
  readonly states: StateClient | undefined;
  /** What must never be written (the API key). */
  readonly secrets: readonly string[];
}

const now = (): string => new Date().toISOString();

/** One run's failure database. */
export class RunDatabase {
  readonly #store: FailureStore;
  readonly #loaded: Loaded;
  #recorder: FailureRecorder | undefined;

  constructor(private readonly inputs: DatabaseInputs) {
    this.#store = new FailureStore(inputs.options.failures, inputs.options.failuresFrom, inputs.secrets);
    this.#loaded = this.#store.load();
  }

  /** The first phase: the shard's entries replayed (skipped with the reason when there is none). */
  phase(skip: string | undefined): Phase {
    const { options } = this.inputs;
    const mine = ownEntries(this.#loaded.entries, options.shard);
    const where = [this.#store.dir, this.#store.readOnly].filter((dir) => dir !== undefined).join(' and ');
    const empty = this.#loaded.entries.length === 0 ? `no entry in ${where}` : mine.length === 0 ? `its ${this.#loaded.entries.length} entries belong to other shards` : undefined;
    return {
      name: 'failures', planned: mine.length,
      skip: () => skip ?? empty,
      run: () => replayFailures(this.#loaded.entries, { ...this.inputs, store: this.#store, shard: options.shard, strictContract: options.strictContract, keepFixed: options.keepFixed, confirm: options.confirm, now }),
    };
  }

  /** Once the run's data is set up: the tracker of its findings, which writes each into the database as it appears. */
  tracker(plan: Plan, customerParam: string | undefined): FindingTracker {
    const known = new Map<string, FailureEntry>(this.#loaded.entries.filter((stored) => stored.source === 'database').map((stored) => [stored.entry.key, stored.entry]));
    const recorder = new FailureRecorder({ store: this.#store, contract: this.inputs.contract, known, data: dataOf(plan, customerParam), now });
    this.#recorder = recorder;
    return new FindingTracker(this.inputs.options.strictContract, (tracked) => recorder.tracked(tracked));
  }

  /** Keeps a confirmation with its entry. */
  confirmed(confirmation: { key: string; reproduced: number; of: number }): void {
    this.#recorder?.confirmed(confirmation);
  }

  summary(): FailureDatabaseSummary {
    const { dir, readOnly } = this.#store;
    return { ...(dir === undefined ? {} : { dir }), ...(readOnly === undefined ? {} : { readOnly }), written: this.#recorder?.written ?? 0, fresh: this.#recorder?.fresh ?? 0, problems: this.#loaded.problems };
  }
}
