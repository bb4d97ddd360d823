/**
 * The one evaluator of Pact matching rules in this project: check-pact probes what a matcher admits with it, and the
 * mock matches requests to pact interactions with it. The semantics are Pact's own (pact_matching's JSON matchers,
 * which the verifier and the Pact mock server run): a regex or `include` reads a non-string as its JSON text; `type`
 * compares JSON kinds (any two numbers are one kind) and bounds arrays with `min`/`max`; `decimal` wants a number
 * with a fraction (an integer is not a decimal), `integer` one without; `boolean` also takes the strings "true" and
 * "false"; `notEmpty` wants anything but null and empty strings, arrays and objects. test/pact/matching pins all of
 * this against the Pact core itself. One limit of JavaScript: JSON.parse keeps no lexical form, so `1.0` is read as
 * the integer 1 (Pact reads it as a decimal).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Matcher, RuleSet } from '../check/rules.js';
import { compilePactRegex } from './regex.js';

/** A compiled matcher: whether it admits `actual` where the pact's example is `expected`. */
export type Admits = (expected: unknown, actual: unknown, cascaded?: boolean) => boolean;

/** A matcher this evaluator can decide, or why it cannot (date formats, array-contains, ...). */
export type Evaluation = { readonly admits: Admits } | { readonly reason: string };

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
/** A string as itself, anything else as its JSON text (how Pact feeds a regex or `include`). */
const textOf = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

// Semantic Versioning 2.0.0's own pattern (semver.org), as the `semver` crate parses versions.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** A JSON number serde_json reads as an integer: no fraction, and within i64/u64 (larger ones are read as f64). */
const isJsonInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= -(2 ** 63) && (value as number) < 2 ** 64;

function notEmpty(actual: unknown): boolean {
  if (actual === null || actual === '') return false;
  if (Array.isArray(actual)) return actual.length > 0;
  return typeof actual !== 'object' || Object.keys(actual).length > 0;
}

/** `type` (and spec 2's `min`/`max`): the same JSON kind; an array's length within the bounds unless cascaded. */
function byType(matcher: Matcher): Admits {
  const min = typeof matcher['min'] === 'number' ? matcher['min'] : undefined;
  const max = typeof matcher['max'] === 'number' ? matcher['max'] : undefined;
  return (expected, actual, cascaded = false) => {
    if (kindOf(expected) !== kindOf(actual)) return false;
    if (cascaded || !Array.isArray(actual)) return true;
    return (min === undefined || actual.length >= min) && (max === undefined || actual.length <= max);
  };
}

/** Compiles one matcher. */
export function evaluateMatcher(matcher: Matcher): Evaluation {
  switch (matcher.match) {
    case 'type': case 'min': case 'max': return { admits: byType(matcher) };
    case 'equality': return { admits: (expected, actual) => isDeepStrictEqual(expected, actual) };
    case 'regex': {
      const source = String(matcher['regex'] ?? '');
      const regex = compilePactRegex(source);
      return regex ? { admits: (_expected, actual) => regex.test(textOf(actual)) } : { reason: `regex ${JSON.stringify(source)} does not compile as a JavaScript regex` };
    }
    case 'include': {
      const part = String(matcher['value'] ?? '');
      return { admits: (_expected, actual) => textOf(actual).includes(part) };
    }
    case 'integer': return { admits: (_expected, actual) => isJsonInteger(actual) };
    case 'decimal': return { admits: (_expected, actual) => typeof actual === 'number' && !isJsonInteger(actual) };
    case 'number': return { admits: (_expected, actual) => typeof actual === 'number' };
    case 'boolean': return { admits: (_expected, actual) => typeof actual === 'boolean' || actual === 'true' || actual === 'false' };
    case 'null': return { admits: (_expected, actual) => actual === null };
    case 'notEmpty': return { admits: (_expected, actual) => notEmpty(actual) };
    case 'semver': return { admits: (_expected, actual) => typeof actual === 'string' && SEMVER.test(actual) };
    default: return { reason: `matcher "${matcher.match}" is not one this project can evaluate` };
  }
}

/** Compiles a rule set: AND needs every matcher, OR one; undecidable when any of its matchers is. */
export function evaluateRuleSet(rules: RuleSet): Evaluation {
  const parts = rules.matchers.map(evaluateMatcher);
  const undecidable = parts.find((part): part is { reason: string } => 'reason' in part);
  if (undecidable) return undecidable;
  const each = (parts as { admits: Admits }[]).map((part) => part.admits);
  if (rules.combine === 'OR') return { admits: (expected, actual, cascaded) => each.some((admits) => admits(expected, actual, cascaded)) };
  return { admits: (expected, actual, cascaded) => each.every((admits) => admits(expected, actual, cascaded)) };
}
