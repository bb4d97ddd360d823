/**
 * Sharding (`--shard i/n`, numbered from 1 as Jest, Playwright and `node --test-shard` number them): the n shards of
 * a run together do exactly one full run. Each unit of data (a customer and what rests on it) belongs to one shard,
 * which alone sets it up and sends the systematic cases that address it; the random phase of shard i uses the seed
 * plus i - 1. Every id a run makes up for itself carries the run's tag, so runs and shards side by side never touch
 * each other's data.
 */
import { ConfigurationError } from '../../../errors.js';

/** One shard of a run: `index` from 1 to `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The whole run: one shard of one. */
export const WHOLE_RUN: Shard = { index: 1, count: 1 };

/** The most shards a run can be split into. */
export const MAX_SHARDS = 1000;

/** `2/4` → { index: 2, count: 4 }; anything else is a ConfigurationError. */
export function parseShard(text: string): Shard {
  const found = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  const index = Number(found?.[1]);
  const count = Number(found?.[2]);
  if (!found || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new ConfigurationError(`--shard takes i/n with 1 <= i <= n <= ${MAX_SHARDS} (e.g. 2/4: the second of four shards), got ${JSON.stringify(text)}`);
  }
  return { index, count };
}

/** `2/4`. */
export const formatShard = (shard: Shard): string => `${shard.index}/${shard.count}`;

/** Whether the run is split at all. */
export const isSharded = (shard: Shard): boolean => shard.count > 1;

/** FNV-1a over UTF-16 units: a stable 32-bit hash (the same in every shard, run and version). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** The shard (1-based) that owns a unit of data, for a run split `count` ways. */
export const ownerOf = (unit: string, count: number): number => (fnv1a(unit) % count) + 1;

/** The seed of the random phase of one shard: the run's seed plus the shard's index less one (32-bit, wrapping). */
export const shardSeed = (seed: number, shard: Shard): number => (seed + shard.index - 1) | 0;

/**
 * The run-unique part of the ids a run makes up (its own customers): four characters from the seed and the shard
 * count, then the shard's index in two, all lower-case letters and digits. Derived, not drawn: a replay with the same
 * `--seed` and `--shard` recreates the same data. Two runs with one seed and shard share it (give them other seeds).
 */
export function runTag(seed: number, shard: Shard): string {
  const base = (fnv1a(`${seed}/${shard.count}`) % 36 ** 4).toString(36).padStart(4, '0');
  return `${base}${(shard.index % 36 ** 2).toString(36).padStart(2, '0')}`;
}
