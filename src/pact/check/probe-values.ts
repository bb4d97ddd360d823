/** Probes body and header matchers: each admitted candidate is put in place of the example and validated. */
import type { ExchangeResult, RequestExchange, ResponseExchange } from '../../validators/index.js';
import { headerNameIn, type PactSide } from './pact-http.js';
import type { InteractionContext, PactFinding } from './pact-finding.js';
import { coverage, leaves, replaceAt } from './json-path.js';
import { admission } from './probes.js';
import { admitsMessage, freshIssue, matcherFinding, touches, undecidable } from './probe.js';
import type { LocatedRule } from './rules.js';
import { headerKey } from '../../http/headers.js';

/** Validates the side with some of its exchange replaced. */
export type Revalidate = (change: Partial<RequestExchange & ResponseExchange>) => ExchangeResult;

/** The body rule that governs a leaf: the deepest covering path, then the one with fewer wildcards. */
function governing(rules: readonly LocatedRule[], tokens: readonly (string | number)[]): LocatedRule | undefined {
  let best: { rule: LocatedRule; depth: number; wildcards: number } | undefined;
  for (const rule of rules) {
    const cover = coverage(rule.tokens, tokens);
    if (cover && (!best || cover.depth > best.depth || (cover.depth === best.depth && cover.wildcards < best.wildcards))) best = { rule, ...cover };
  }
  return best?.rule;
}

/** Body matchers: every leaf of the example under its governing rule (rules cascade from ancestors, as in Pact). */
export function probeBody(ctx: InteractionContext, sideName: 'request' | 'response', side: PactSide, rules: readonly LocatedRule[], revalidate: Revalidate): PactFinding[] {
  const bodyRules = rules.filter((rule) => rule.category === 'body' && !rule.unreadable);
  if (bodyRules.length === 0 || !('body' in side.body)) return [];
  const example = side.body.body;
  const baseline = revalidate({});
  const findings: PactFinding[] = [];
  const reported = new Set<string>();
  for (const leaf of leaves(example)) {
    const rule = governing(bodyRules, leaf.tokens);
    if (!rule || reported.has(`${rule.location} ${leaf.pointer}`)) continue;
    const admitted = admission(rule.rules, leaf.value);
    if (!admitted.decidable) {
      if (!reported.has(rule.location)) findings.push(undecidable(ctx, sideName, rule, admitted.reason));
      reported.add(rule.location);
      continue;
    }
    for (const candidate of admitted.candidates) {
      const fresh = freshIssue(baseline, revalidate({ body: replaceAt(example, leaf.tokens, candidate) }), (issue) => touches(issue.pointer, leaf.pointer));
      if (!fresh) continue;
      findings.push(matcherFinding(ctx, sideName, rule, fresh.kind, leaf.pointer, fresh.issue.keyword, admitsMessage(rule, candidate, fresh.issue, fresh.kind)));
      reported.add(`${rule.location} ${leaf.pointer}`);
      break;
    }
  }
  return findings;
}

/** Header matchers: the header's value replaced by each admitted candidate. */
export function probeHeaders(ctx: InteractionContext, sideName: 'request' | 'response', side: PactSide, rules: readonly LocatedRule[], revalidate: Revalidate): PactFinding[] {
  const baseline = revalidate({});
  return rules.filter((rule) => rule.category === 'header').flatMap((rule) => {
    const lower = headerKey(String(rule.tokens[0] ?? ''));
    const name = headerNameIn(side.headers, lower);
    const current = side.headers[name];
    const value = typeof current === 'string' ? current : current?.[0];
    if (value === undefined) return [];
    const admitted = admission(rule.rules, value);
    if (!admitted.decidable) return [undecidable(ctx, sideName, rule, admitted.reason)];
    for (const candidate of admitted.candidates) {
      const result = revalidate({ headers: { ...side.headers, [name]: String(candidate) } });
      const fresh = freshIssue(baseline, result, (issue) => issue.pointer === `/${lower}`);
      if (fresh) return [matcherFinding(ctx, sideName, rule, fresh.kind, `/${lower}`, fresh.issue.keyword, admitsMessage(rule, candidate, fresh.issue, fresh.kind))];
    }
    return [];
  });
}
