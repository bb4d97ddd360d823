/** Comparing parsed JSON bodies: where two values first differ (object key order does not matter). */
import { childPointer, isJsonObject } from '../contract/json.js';

/** The JSON pointer of the first place `a` and `b` differ (`` for the whole value), or undefined when they are equal as JSON. */
export function firstDifference(a: unknown, b: unknown, pointer = ''): string | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return pointer;
    for (let index = 0; index < a.length; index++) {
      const found = firstDifference(a[index], b[index], childPointer(pointer, index));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      if (!(key in a) || !(key in b)) return childPointer(pointer, key);
      const found = firstDifference(a[key], b[key], childPointer(pointer, key));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : pointer;
}
