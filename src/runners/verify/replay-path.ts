/**
 * Replay paths, as findings print them and `--path` takes them back: fast-check's own path within an epoch of the
 * random phase (`7:1`, after the first epoch `2/7:1`), or a systematic case's index (`edge:12`).
 */
import { ConfigurationError } from '../../errors.js';

/** Random cases are drawn in epochs of this many with fc.sample (the values fc.check would draw for the epoch's seed). */
export const EPOCH = 1000;

/**
 * The seed of an epoch: epoch 0 uses the run's seed itself, so the usual replay path is fast-check's own
 * (`--path 39`); later epochs step by the golden-ratio constant, which spreads 32-bit seeds evenly.
 */
export const epochSeed = (seed: number, epoch: number): number => (epoch === 0 ? seed : (seed + Math.imul(epoch, 0x9e3779b1)) | 0);

/** Where fast-check finds one random case: the epoch's seed and its path in that epoch. */
export interface ReplayPoint {
  readonly seed: number;
  readonly path: string;
}

/** The printed path of a random case: fast-check's path, prefixed `E/` after the first epoch. */
export const randomPath = (epoch: number, path: string): string => (epoch === 0 ? path : `${epoch}/${path}`);

const RANDOM_PATH = /^(?:(\d{1,9})\/)?(\d{1,9}(?::\d{1,9})*)$/;

/** Reads a random-phase `--path`: `E/P` or plain `P` (epoch 0); anything else is a ConfigurationError. */
export function parseReplayPath(seed: number, path: string): ReplayPoint & { readonly epoch: number } {
  const found = RANDOM_PATH.exec(path);
  if (!found) throw new ConfigurationError(`--path ${JSON.stringify(path)} is not a replay path: use the one a finding prints (N:N:…, E/N:N:… or edge:N) with its --seed`);
  const epoch = Number(found[1] ?? 0);
  return { seed: epochSeed(seed, epoch), path: found[2] ?? '', epoch };
}

/** The replay path of the systematic case at `index`: the list depends only on the contract and the fixtures. */
export const edgePath = (index: number): string => `edge:${index}`;

/** The index a `--path edge:N` replay names, or undefined when the path is a random-phase one. */
export function parseEdgePath(path: string | undefined): number | undefined {
  const found = path === undefined ? null : /^edge:(\d+)$/.exec(path);
  return found ? Number(found[1]) : undefined;
}

/** Throws the ConfigurationError of a `--path` that is neither a systematic nor a random-phase replay path. */
export function assertReplayPath(seed: number, path: string): void {
  if (parseEdgePath(path) === undefined) parseReplayPath(seed, path);
}
