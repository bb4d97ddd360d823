/** The matching rules of one side of an interaction, in the forms pact specs 2, 3 and 4 write them. */
import { parsePath, type PathToken } from './json-path.js';
import { isJsonObject, escapeToken } from '../../contract/json.js';

/** One matcher (`{"match": "type"}`, `{"match": "regex", "regex": ...}`, ...). */
export type Matcher = Readonly<Record<string, unknown>> & { readonly match: string };

/** The matchers at one place, and how they combine. */
export interface RuleSet {
  readonly combine: 'AND' | 'OR';
  readonly matchers: readonly Matcher[];
}

/** Where a rule set applies, and where it is written in the file. */
export interface LocatedRule {
  readonly category: 'body' | 'header' | 'path' | 'status' | 'query';
  /** The rule's key as written (`$.data.id`, `X-API-KEY`, `$`). */
  readonly key: string;
  /** For bodies: the parsed path; for headers and query: the one name; else empty. */
  readonly tokens: readonly PathToken[];
  readonly rules: RuleSet;
  /** JSON pointer of the rule set in the pact file. */
  readonly location: string;
  /** Set when the key is a path this harness cannot read: the rule is reported, not checked. */
  readonly unreadable?: true;
}

type Node = Record<string, unknown>;

function matcherOf(node: Node): Matcher {
  const match = typeof node['match'] === 'string' ? node['match'] : 'regex' in node ? 'regex' : 'type';
  return { ...node, match };
}

/** A rule set (spec 3/4 `{combine, matchers}`), or a lone spec-2 matcher. */
function ruleSet(node: unknown): RuleSet | undefined {
  if (!isJsonObject(node)) return undefined;
  if (Array.isArray(node['matchers'])) {
    return { combine: node['combine'] === 'OR' ? 'OR' : 'AND', matchers: node['matchers'].filter(isJsonObject).map(matcherOf) };
  }
  return 'match' in node || 'regex' in node || 'min' in node || 'max' in node ? { combine: 'AND', matchers: [matcherOf(node)] } : undefined;
}

/** Spec 2 writes every rule under one flat map: `$.body.x`, `$.headers.Name`, `$.path`, `$.query.name`. */
function fromSpec2(rules: Node, location: string): LocatedRule[] {
  return Object.entries(rules).flatMap(([key, node]): LocatedRule[] => {
    const set = ruleSet(node);
    const at = `${location}/${escapeToken(key)}`;
    const found = /^\$\.(body|headers|path|query)(.*)$/.exec(key);
    if (!set || !found) return [];
    const [, part, rest = ''] = found;
    if (part === 'body') {
      const tokens = parsePath(`$${rest}`);
      return [{ category: 'body', key, tokens: tokens ?? [], rules: set, location: at, ...(tokens ? {} : { unreadable: true as const }) }];
    }
    const name = rest.replace(/^\.|^\['|'\]$/g, '');
    return [{ category: part === 'headers' ? 'header' : part === 'path' ? 'path' : 'query', key, tokens: name ? [name] : [], rules: set, location: at }];
  });
}

/** Every rule of a request or response node (`node.matchingRules`). */
export function rulesOf(node: Node, nodeLocation: string): LocatedRule[] {
  const all = node['matchingRules'];
  const location = `${nodeLocation}/matchingRules`;
  if (!isJsonObject(all)) return [];
  if (Object.keys(all).some((key) => key.startsWith('$.'))) return fromSpec2(all, location);
  const out: LocatedRule[] = [];
  for (const category of ['body', 'header', 'path', 'status', 'query'] as const) {
    const group = all[category === 'header' && !('header' in all) ? 'headers' : category];
    const groupLocation = `${location}/${category === 'header' && !('header' in all) ? 'headers' : category}`;
    const whole = ruleSet(group);
    if (whole) {
      out.push({ category, key: '', tokens: [], rules: whole, location: groupLocation });
      continue;
    }
    for (const [key, value] of Object.entries(isJsonObject(group) ? group : {})) {
      const rules = ruleSet(value);
      if (!rules) continue;
      const tokens = category === 'body' ? parsePath(key) : category === 'header' || category === 'query' ? [key.replace(/^\$\.|^\$\['|'\]$/g, '')] : [];
      out.push({ category, key, tokens: tokens ?? [], rules, location: `${groupLocation}/${escapeToken(key)}`, ...(tokens ? {} : { unreadable: true as const }) });
    }
  }
  return out;
}
