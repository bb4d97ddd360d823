/** Parsed JSON, shared by every layer: the object guard and JSON pointers (RFC 6901: the root is ``, not `/`). */

/** A JSON object: not null, not an array. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A value as JSON text for a message, whatever it holds: JSON.stringify recurses, so a body nested thousands of levels
 * deep (which JSON.parse still reads) would overflow the stack; such a value is named instead of shown.
 */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return `(${Array.isArray(value) ? 'an array' : typeof value} nested too deeply to show)`;
  }
}

/** One reference token escaped for a JSON pointer: `~` as `~0`, `/` as `~1`. */
export const escapeToken = (token: string | number): string => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

const unescapeToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** Appends one reference token to a JSON pointer. */
export const childPointer = (pointer: string, token: string | number): string => `${pointer}/${escapeToken(token)}`;

/** The value at a JSON pointer (`` is the whole document), or undefined. */
export function atPointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let node: unknown = document;
  for (const token of pointer.slice(1).split('/').map(unescapeToken)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
