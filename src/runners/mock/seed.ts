/** Per-request seeds: each response is generated from the run's seed and the request's index, so a run replays. */

/** The run seed when none is given: fixed, so that a client's test run sees the same responses every time. */
export const DEFAULT_MOCK_SEED = 42;

/**
 * The seed of the response to request `index` (0-based, in arrival order) of a run seeded with `seed`: a 32-bit
 * mix (murmur3's finaliser) so that neighbouring indexes get unrelated seeds rather than neighbouring values.
 */
export function responseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Whether a run seed is usable: a 32-bit signed integer, as fast-check seeds are. */
export const isRunSeed = (seed: number): boolean => Number.isSafeInteger(seed) && seed >= -(2 ** 31) && seed <= 2 ** 31 - 1;
