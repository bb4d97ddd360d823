/**
 * Whether a request matches a pact interaction's request, as a Pact mock server would decide: same method, same
 * path (decoded segments compared, or the path matcher), every header the interaction lists (by its matcher, else
 * by value; Content-Type by media type), and the body (by its matchers, else equal; no extra keys).
 * The query string is not compared: the operation documents no query parameters.
 */
import { isDeepStrictEqual } from 'node:util';
import { decodeSegment, matchPath } from '../../contract/path.js';
import type { PactHttp } from '../../pact/check/pact-http.js';
import { coverage } from '../../pact/check/json-path.js';
import type { LocatedRule, RuleSet } from '../../pact/check/rules.js';
import { evaluateMatcher, evaluateRuleSet, type Admits } from '../../pact/matching/evaluate.js';
import { headerKey, normaliseHeaders } from '../../http/headers.js';
import { mediaEssence } from '../../http/media-type.js';
import type { MockRequest } from './types.js';
import { isJsonObject } from '../../contract/json.js';

/** How deep bodies are compared: a request body nested deeper than this does not match (keeps the walk bounded). */
const MAX_DEPTH = 64;

type Path = readonly (string | number)[];
const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

const typeEvaluation = evaluateMatcher({ match: 'type' });
const TYPE: Admits = 'admits' in typeEvaluation ? typeEvaluation.admits : () => true;
// Compiled once per rule set: every request is matched against every interaction.
const evaluators = new WeakMap<RuleSet, Admits>();

/** A rule set's evaluator; one this project cannot decide (date formats, ...) is read as `type`, the loosest common reading. */
function evaluatorOf(rules: RuleSet): Admits {
  let admits = evaluators.get(rules);
  if (!admits) {
    const evaluated = evaluateRuleSet(rules);
    admits = 'admits' in evaluated ? evaluated.admits : TYPE;
    evaluators.set(rules, admits);
  }
  return admits;
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

/**
 * Compares two JSON values. Where a rule set is written for the path, it decides (and cascades to the children of an
 * object or array by type, as Pact does); else objects need the same keys, arrays the same length, scalars equality.
 */
function same(expected: unknown, actual: unknown, path: Path, rules: readonly LocatedRule[], cascaded: boolean): boolean {
  if (path.length > MAX_DEPTH) return false;
  const set = ruleAt(rules, path);
  if (set) return evaluatorOf(set)(expected, actual) && children(expected, actual, path, rules, true);
  if (cascaded && !TYPE(expected, actual)) return false;
  return children(expected, actual, path, rules, cascaded) && (cascaded || isContainer(expected) || isDeepStrictEqual(expected, actual));
}

const isContainer = (value: unknown): boolean => value !== null && typeof value === 'object';

/** An object's or array's children; under a cascaded rule an array's items are each compared to the first example item. */
function children(expected: unknown, actual: unknown, path: Path, rules: readonly LocatedRule[], cascaded: boolean): boolean {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (cascaded) return expected.length === 0 || actual.every((item, index) => same(expected[0], item, [...path, index], rules, true));
    return expected.length === actual.length && expected.every((item, index) => same(item, actual[index], [...path, index], rules, false));
  }
  if (isJsonObject(expected) && isJsonObject(actual)) {
    const keys = Object.keys(expected);
    return Object.keys(actual).length === keys.length && keys.every((key) => key in actual && same(expected[key], actual[key], [...path, key], rules, cascaded));
  }
  return kind(expected) === kind(actual) || !isContainer(expected);
}

function headerAccepts(expected: string, actual: string, name: string, rules: readonly LocatedRule[]): boolean {
  const set = rules.find((rule) => rule.category === 'header' && headerKey(String(rule.tokens[0] ?? '')) === name)?.rules;
  if (set) return evaluatorOf(set)(expected, actual);
  return name === 'content-type' ? mediaEssence(expected) === mediaEssence(actual) : expected.trim() === actual.trim();
}

function pathAccepts(template: string, expected: string, actual: string, rules: readonly LocatedRule[]): boolean {
  const bare = actual.replace(/[?#].*$/s, '');
  const set = rules.find((rule) => rule.category === 'path')?.rules;
  if (set) return evaluatorOf(set)(expected, bare);
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
