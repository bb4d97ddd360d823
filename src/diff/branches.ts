/** Pairing the branches of two versions of a oneOf/anyOf/allOf, so each branch is compared with itself. */
import { isDeepStrictEqual } from 'node:util';
import type { OasSchema } from '../contract/types.js';

/** Which old branch became which new one, and which are new or gone (indexes into each list). */
export interface Pairing {
  readonly pairs: readonly (readonly [number, number])[];
  readonly added: readonly number[];
  readonly removed: readonly number[];
}

const ANNOTATIONS = new Set(['title', 'description', 'example', 'externalDocs']);

/** A branch without its annotations, for telling whether two are the same shape. */
const shape = (branch: OasSchema): object => Object.fromEntries(Object.entries(branch).filter(([key]) => !ANNOTATIONS.has(key) && !key.startsWith('x-')));

/**
 * Pairs branches by title, then by equal shape, then (when as many are left on both sides) by position; the rest
 * are added or removed. Position alone would call every branch after an insertion changed.
 */
export function pairBranches(old: readonly OasSchema[], next: readonly OasSchema[]): Pairing {
  const pairs: [number, number][] = [];
  const oldLeft = new Set(old.keys());
  const newLeft = new Set(next.keys());
  const pairBy = (same: (a: OasSchema, b: OasSchema) => boolean): void => {
    for (const i of [...oldLeft]) {
      const j = [...newLeft].find((candidate) => same(old[i] as OasSchema, next[candidate] as OasSchema));
      if (j === undefined) continue;
      pairs.push([i, j]);
      oldLeft.delete(i);
      newLeft.delete(j);
    }
  };
  pairBy((a, b) => typeof a['title'] === 'string' && a['title'] === b['title']);
  pairBy((a, b) => isDeepStrictEqual(shape(a), shape(b)));
  if (oldLeft.size === newLeft.size) pairBy(() => true);
  return { pairs: pairs.sort((a, b) => a[1] - b[1]), added: [...newLeft], removed: [...oldLeft] };
}
