/**
 * Whether a request matches a pact interaction's request, as a Pact mock server would decide: same method, same
 * path (decoded segments compared, or the path matcher), every header the interaction lists (by its matcher, else
 * by value; Content-Type by media type), and the body (by its matchers, else equal; no extra keys).
 * The query string is not compared: the operation documents no query parameters.
 */
import { decodeSegment, matchPath } from '../../contract/path.js';
import type { PactHttp } from '../../pact/check/exchange.js';
import { coverage } from '../../pact/check/json-path.js';
import type { LocatedRule, Matcher, RuleSet } from '../../pact/check/rules.js';
import { mediaEssence, normaliseHeaders } from '../../validators/index.js';
import type { MockRequest } from './types.js';

/** How deep bodies are compared: a request body nested deeper than this does not match (keeps the walk bounded). */
const MAX_DEPTH = 64;

type Path = readonly (string | number)[];
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

// Compiled once per pattern: every request is matched against every interaction.
const compiled = new Map<string, RegExp | undefined>();

/** Pact regexes come from Java and Rust; read them as Unicode patterns, else as plain ones, else as matching nothing. */
function regexOf(source: string): RegExp | undefined {
  if (!compiled.has(source)) {
    let regex: RegExp | undefined;
    for (const flags of ['u', '']) {
      try {
        regex = new RegExp(source, flags);
        break;
      } catch {
        // Try the next reading.
      }
    }
    compiled.set(source, regex);
  }
  return compiled.get(source);
}

function regexAccepts(matcher: Matcher, value: unknown): boolean {
  if (typeof matcher['regex'] !== 'string' || !['string', 'number', 'boolean'].includes(typeof value)) return false;
  return regexOf(matcher['regex'])?.test(String(value)) ?? false;
}

/** The rule set written exactly at `path` (fewest wildcards first), if any. */
function ruleAt(rules: readonly LocatedRule[], path: Path): RuleSet | undefined {
  let best: { wildcards: number; rules: RuleSet } | undefined;
  for (const rule of rules) {
    const covered = coverage(rule.tokens, path);
    if (covered && covered.depth === path.length && (!best || covered.wildcards < best.wildcards)) best = { wildcards: covered.wildcards, rules: rule.rules };
  }
  return best?.rules;
}

/** Compares two JSON values; `byType` (under a type matcher) compares kinds rather than values. */
function same(expected: unknown, actual: unknown, path: Path, rules: readonly LocatedRule[], byType: boolean): boolean {
  if (path.length > MAX_DEPTH) return false;
  const set = ruleAt(rules, path);
  if (set) {
    const verdicts = set.matchers.map((matcher) => accepts(matcher, expected, actual, path, rules));
    return set.combine === 'OR' ? verdicts.some(Boolean) : verdicts.every(Boolean);
  }
  return shape(expected, actual, path, rules, byType);
}

function shape(expected: unknown, actual: unknown, path: Path, rules: readonly LocatedRule[], byType: boolean): boolean {
  if (kind(expected) !== kind(actual)) return false;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (byType) return expected.length === 0 || actual.every((item, index) => same(expected[0], item, [...path, index], rules, true));
    return expected.length === actual.length && expected.every((item, index) => same(item, actual[index], [...path, index], rules, false));
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = Object.keys(expected);
    return Object.keys(actual).length === keys.length && keys.every((key) => key in actual && same(expected[key], actual[key], [...path, key], rules, byType));
  }
  return byType || expected === actual;
}

/** One matcher; matchers this mock does not know are read as `type`, the loosest common reading. */
function accepts(matcher: Matcher, expected: unknown, actual: unknown, path: Path, rules: readonly LocatedRule[]): boolean {
  const size = Array.isArray(actual) ? actual.length : undefined;
  const inBounds = size === undefined || ((typeof matcher['min'] !== 'number' || size >= matcher['min']) && (typeof matcher['max'] !== 'number' || size <= matcher['max']));
  switch (matcher.match) {
    case 'regex': return regexAccepts(matcher, actual);
    case 'equality': return shape(expected, actual, path, [], false);
    case 'include': return typeof actual === 'string' && actual.includes(String(matcher['value']));
    case 'integer': return Number.isInteger(actual);
    case 'decimal': case 'number': return typeof actual === 'number';
    case 'boolean': return typeof actual === 'boolean';
    case 'null': return actual === null;
    default: return inBounds && shape(expected, actual, path, rules, true);
  }
}

function headerAccepts(expected: string, actual: string, name: string, rules: readonly LocatedRule[]): boolean {
  const set = rules.find((rule) => rule.category === 'header' && String(rule.tokens[0] ?? '').toLowerCase() === name)?.rules;
  if (set) {
    const verdicts = set.matchers.map((matcher) => (matcher.match === 'regex' ? regexAccepts(matcher, actual) : true));
    return set.combine === 'OR' ? verdicts.some(Boolean) : verdicts.every(Boolean);
  }
  return name === 'content-type' ? mediaEssence(expected) === mediaEssence(actual) : expected.trim() === actual.trim();
}

function pathAccepts(template: string, expected: string, actual: string, rules: readonly LocatedRule[]): boolean {
  const bare = actual.replace(/[?#].*$/s, '');
  const set = rules.find((rule) => rule.category === 'path')?.rules;
  if (set) return set.matchers.every((matcher) => (matcher.match === 'regex' ? regexAccepts(matcher, bare) : true));
  const [want, got] = [matchPath(template, expected), matchPath(template, bare)];
  if (!want || !got) return expected === bare;
  return Object.keys(want).every((name) => decodeSegment(want[name] ?? '') === decodeSegment(got[name] ?? ''));
}

function bodyAccepts(http: PactHttp, actual: string | undefined, rules: readonly LocatedRule[]): boolean {
  const { body, rawBody } = http.request.exchange;
  if (rawBody !== undefined) return rawBody === actual;
  if (body === undefined) return true;
  try {
    return same(body, JSON.parse(actual ?? ''), [], rules.filter((rule) => rule.category === 'body' && !rule.unreadable), false);
  } catch {
    return false;
  }
}

/** Whether `request` matches the interaction's request under its matching rules. */
export function requestMatches(template: string, http: PactHttp, rules: readonly LocatedRule[], request: MockRequest): boolean {
  const { method, path } = http.request.exchange;
  if (method.toUpperCase() !== request.method.toUpperCase() || !pathAccepts(template, path, request.path, rules)) return false;
  const expected = normaliseHeaders(http.request.exchange.headers);
  for (const [name, value] of Object.entries(expected)) {
    const actual = request.headers[name];
    if (actual === undefined || !headerAccepts(value, actual, name, rules)) return false;
  }
  return bodyAccepts(http, request.rawBody, rules);
}
