/** Comparing parsed JSON bodies: where two values first differ (object key order does not matter). */

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const escape = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON pointer of the first place `a` and `b` differ, or undefined when they are equal as JSON. */
export function firstDifference(a: unknown, b: unknown, pointer = ''): string | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return pointer || '/';
    for (let index = 0; index < a.length; index++) {
      const found = firstDifference(a[index], b[index], `${pointer}/${index}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      if (!(key in a) || !(key in b)) return `${pointer}/${escape(key)}`;
      const found = firstDifference(a[key], b[key], `${pointer}/${escape(key)}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : pointer || '/';
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return root;
  let node = root;
  for (const token of pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
