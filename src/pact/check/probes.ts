/**
 * What a matching rule admits: a predicate, and candidate values to try beyond the example. Candidates are short and
 * non-empty on purpose: Pact cannot bound lengths (a type matcher admits 300 characters whatever `maxLength` says),
 * so bounds are left to the examples and the candidates probe shape (enum, pattern, type, format) only.
 */
import { isDeepStrictEqual } from 'node:util';
import type { RuleSet } from './rules.js';

/** A rule set's admitted values, or why that cannot be told. */
export type Admission =
  | { readonly decidable: true; readonly admits: (value: unknown) => boolean; readonly candidates: readonly unknown[] }
  | { readonly decidable: false; readonly reason: string };

const GENERIC = ['PACT_PROBE', 'pact probe', 'x', 'X', '0', '42', '-x', '_x', 'x|y', 'x@y', 'x.y', 'x/y', 'x:y', 'é', '~', '%', 'null', 'true', 'aaaaaaaaaaaaaaaa'];

/** Generic strings plus near misses of the example (case, affixes, truncations). */
export function stringProbes(example: unknown): string[] {
  const text = typeof example === 'string' ? example : '';
  const near = text === '' ? [] : [text.toUpperCase(), text.toLowerCase(), ` ${text}`, `${text} `, `x${text}`, `${text}x`, text.slice(1), text.slice(0, -1), `${text}\n`];
  return [...new Set([...GENERIC, ...near])].filter((probe) => probe !== '' && probe !== text);
}

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function typeProbes(example: unknown): unknown[] {
  switch (kindOf(example)) {
    case 'string': return stringProbes(example);
    case 'number': return [0, 1, -1, 1.5, 123456];
    case 'boolean': return [true, false];
    default: return [];
  }
}

/** Compiles a pact regex in JavaScript: Rust's leading `(?i)` becomes the `i` flag; undefined when it will not compile. */
export function compileRegex(source: string): RegExp | undefined {
  const insensitive = source.startsWith('(?i)');
  const body = insensitive ? source.slice(4) : source;
  for (const flags of ['u', '']) {
    try {
      return new RegExp(body, `${flags}${insensitive ? 'i' : ''}`);
    } catch {
      // try the next flags
    }
  }
  return undefined;
}

/** The literal members of a regex that is an anchored alternation (`^(?:A|B)$`), else []. */
export function alternationMembers(source: string): string[] {
  const inner = /^\^\((?:\?:)?(.*)\)\$$/s.exec(source)?.[1] ?? /^\^(.*)\$$/s.exec(source)?.[1];
  if (inner === undefined) return [];
  const members = inner.split(/(?<!\\)\|/);
  if (members.some((member) => /(?<!\\)[()[\]{}*+?^$.]/.test(member))) return [];
  return members.map((member) => member.replace(/\\(.)/g, '$1'));
}

type One = { admits: (value: unknown) => boolean; candidates: unknown[] } | { reason: string };

function one(matcher: Readonly<Record<string, unknown>> & { match: string }, example: unknown): One {
  const same = (value: unknown): boolean => kindOf(value) === kindOf(example);
  switch (matcher.match) {
    case 'type': case 'min': case 'max': return { admits: same, candidates: typeProbes(example) };
    case 'notEmpty': return { admits: (v) => same(v) && v !== '' && !(Array.isArray(v) && v.length === 0), candidates: typeProbes(example) };
    case 'integer': return { admits: (v) => Number.isInteger(v), candidates: [0, -1, 1, 2147483648] };
    case 'decimal': return { admits: (v) => typeof v === 'number' && !Number.isInteger(v), candidates: [1.5, -0.25] };
    case 'number': return { admits: (v) => typeof v === 'number', candidates: [0, 1, -1, 1.5] };
    case 'boolean': return { admits: (v) => typeof v === 'boolean', candidates: [true, false] };
    case 'null': return { admits: (v) => v === null, candidates: [null] };
    case 'equality': return { admits: (v) => isDeepStrictEqual(v, example), candidates: [] };
    case 'include': {
      const part = String(matcher['value'] ?? '');
      return { admits: (v) => typeof v === 'string' && v.includes(part), candidates: [part, `x${part}x`, `${part} `] };
    }
    case 'regex': {
      const source = String(matcher['regex'] ?? '');
      const regex = compileRegex(source);
      if (!regex) return { reason: `regex ${JSON.stringify(source)} does not compile as a JavaScript regex` };
      return { admits: (v) => typeof v === 'string' && regex.test(v), candidates: [...stringProbes(example), ...alternationMembers(source)] };
    }
    default: return { reason: `matcher "${matcher.match}" is not one this check can evaluate` };
  }
}

/** Combines a rule set's matchers (AND: all must admit; OR: one is enough) over the union of their candidates. */
export function admission(rules: RuleSet, example: unknown): Admission {
  const parts = rules.matchers.map((matcher) => one(matcher, example));
  const undecidable = parts.find((part): part is { reason: string } => 'reason' in part);
  if (undecidable) return { decidable: false, reason: undecidable.reason };
  const decided = parts as { admits: (value: unknown) => boolean; candidates: unknown[] }[];
  const admits = (value: unknown): boolean => (rules.combine === 'OR' ? decided.some((p) => p.admits(value)) : decided.every((p) => p.admits(value)));
  const candidates = decided.flatMap((part) => part.candidates).filter((value) => !isDeepStrictEqual(value, example) && admits(value));
  return { decidable: true, admits, candidates: [...new Map(candidates.map((value) => [JSON.stringify(value), value])).values()] };
}
