/**
 * What a matching rule admits (decided by the shared evaluator, src/pact/matching) and candidate values to try beyond
 * the example. Candidates are short and non-empty on purpose: Pact cannot bound lengths (a type matcher admits 300
 * characters whatever `maxLength` says), so bounds are left to the examples and the candidates probe shape (enum,
 * pattern, type, format) only.
 */
import { isDeepStrictEqual } from 'node:util';
import { evaluateRuleSet } from '../matching/evaluate.js';
import type { Matcher, RuleSet } from './rules.js';
import { alternationMembers } from '../alternation.js';

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

/** Values worth trying beyond the example under one matcher (the evaluator decides which it admits). */
function candidatesFor(matcher: Matcher, example: unknown): unknown[] {
  switch (matcher.match) {
    case 'type': case 'min': case 'max': case 'notEmpty': return typeProbes(example);
    case 'integer': return [0, -1, 1, 2147483648];
    case 'decimal': return [1.5, -0.25];
    case 'number': return [0, 1, -1, 1.5];
    // Pact's boolean matcher also takes the strings "true" and "false": a contract typing the field boolean rejects them.
    case 'boolean': return [true, false, 'true'];
    case 'null': return [null];
    case 'include': {
      const part = String(matcher['value'] ?? '');
      return [part, `x${part}x`, `${part} `];
    }
    case 'regex': return [...stringProbes(example), ...alternationMembers(String(matcher['regex'] ?? ''))];
    default: return [];
  }
}

/** Combines a rule set's matchers (AND: all must admit; OR: one is enough) over the union of their candidates. */
export function admission(rules: RuleSet, example: unknown): Admission {
  const evaluated = evaluateRuleSet(rules);
  if ('reason' in evaluated) return { decidable: false, reason: evaluated.reason };
  const admits = (value: unknown): boolean => evaluated.admits(example, value);
  const candidates = rules.matchers.flatMap((matcher) => candidatesFor(matcher, example)).filter((value) => !isDeepStrictEqual(value, example) && admits(value));
  return { decidable: true, admits, candidates: [...new Map(candidates.map((value) => [JSON.stringify(value), value])).values()] };
}
