/**
 * The random phase's cases, in order: drawn with fc.sample one epoch at a time (documented to yield exactly what
 * fc.check draws for that seed, so any case replays with fc.check and its path), each with its replay coordinates.
 */
import fc from 'fast-check';
import type { PlannedCase } from './planned-cases.js';
import { EPOCH, epochSeed, randomPath } from './replay-path.js';

/** One drawn case and where fast-check finds it again. */
export interface DrawnCase {
  readonly planned: PlannedCase;
  readonly epoch: number;
  /** fast-check's path within the epoch. */
  readonly path: string;
  /** The path a finding prints (`--path`). */
  readonly replayPath: string;
}

/** `runs` cases for `seed`, lazily, an epoch at a time. */
export function* drawnCases(arbitrary: fc.Arbitrary<PlannedCase>, seed: number, runs: number): Generator<DrawnCase> {
  for (let start = 0; start < runs; start += EPOCH) {
    const epoch = start / EPOCH;
    const drawn = fc.sample(arbitrary, { seed: epochSeed(seed, epoch), numRuns: Math.min(EPOCH, runs - start) });
    for (const [index, planned] of drawn.entries()) {
      const path = String(index);
      yield { planned, epoch, path, replayPath: randomPath(epoch, path) };
    }
  }
}
