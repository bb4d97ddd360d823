/**
 * One case at a time per addressed record. A check that compares related requests (a repeat, header variants) is
 * sound only if no other case writes the same record between them, whatever the run's concurrency.
 */
import type { PlannedCase } from './planned-cases.js';

/** The record a case addresses: its path parameter values, in order. */
export const recordKey = (planned: PlannedCase): string => JSON.stringify(Object.values(planned.case.params));

/** Serialises work per key; work on different keys runs concurrently. */
export class RecordLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `work` once every earlier work on `key` has settled. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(work, work);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
