/** The JSONPath subset pact matching rules use (`$.data.id`, `$['X-Key']`, `$.items[*].q`, `$.*`) and the leaves of a body. */
import { escapeToken } from '../../contract/json.js';

/** A property name, an array index, or `*` (any key or index). */
export type PathToken = string | number | { readonly any: true };

const ANY = { any: true } as const;
const isAny = (token: PathToken): token is { readonly any: true } => typeof token === 'object';

/** Parses a rule's path; undefined when it is not one this harness reads. */
export function parsePath(path: string): PathToken[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const tokens: PathToken[] = [];
  const grammar = /\.([^.[\]]+)|\[(\d+)\]|\[\*\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;
  grammar.lastIndex = 1;
  while (grammar.lastIndex < path.length) {
    const start = grammar.lastIndex;
    const found = grammar.exec(path);
    if (!found || found.index !== start) return undefined;
    const [, dotted, index, single, double] = found;
    if (dotted !== undefined) tokens.push(dotted === '*' ? ANY : dotted);
    else if (index !== undefined) tokens.push(Number(index));
    else if (single !== undefined || double !== undefined) tokens.push((single ?? double ?? '').replace(/\\(.)/g, '$1'));
    else tokens.push(ANY);
  }
  return tokens;
}

/** A scalar (or empty container) of an example body, by its path. */
export interface Leaf {
  readonly tokens: readonly (string | number)[];
  /** The JSON pointer of the leaf inside the body. */
  readonly pointer: string;
  readonly value: unknown;
}


/** JSON pointer of a token list. */
export const pointerOf = (tokens: readonly (string | number)[]): string => tokens.map((token) => `/${escapeToken(token)}`).join('');

/** Every scalar of a JSON value, depth first, objects' keys in order. */
export function leaves(value: unknown, tokens: readonly (string | number)[] = []): Leaf[] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : value !== null && typeof value === 'object' ? Object.entries(value) : [];
  if (children.length === 0) return [{ tokens, pointer: pointerOf(tokens), value }];
  return children.flatMap(([key, child]) => leaves(child, [...tokens, key]));
}

/** How well a rule's path covers a leaf: undefined when it does not; else longer first, then fewer wildcards. */
export function coverage(rule: readonly PathToken[], leaf: readonly (string | number)[]): { depth: number; wildcards: number } | undefined {
  if (rule.length > leaf.length) return undefined;
  let wildcards = 0;
  for (const [index, token] of rule.entries()) {
    if (isAny(token)) wildcards++;
    else if (token !== leaf[index] && String(token) !== String(leaf[index])) return undefined;
  }
  return { depth: rule.length, wildcards };
}

/** A copy of a JSON value with the value at `tokens` replaced. */
export function replaceAt(value: unknown, tokens: readonly (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = tokens;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  if (value !== null && typeof value === 'object') return { ...value, [head]: replaceAt((value as Record<string, unknown>)[String(head)], rest, replacement) };
  return value;
}
