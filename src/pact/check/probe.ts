/** Shared by the matcher probes: which issues a candidate value adds, and how to report them. */
import { preview, type ExchangeResult, type ValidationIssue } from '../../validators/index.js';
import type { FindingKind, InteractionContext, PactFinding } from './pact-finding.js';
import type { LocatedRule } from './rules.js';

// Bounds Pact cannot express (see probes.ts): an issue of only these kinds is not the matcher's fault.
const BOUNDS = new Set(['maxLength', 'minLength', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'maxItems', 'minItems', 'maxProperties', 'minProperties', 'multipleOf', 'uniqueItems']);

const key = (issue: ValidationIssue): string => `${issue.part} ${issue.pointer} ${issue.keyword}`;

/** The first issue a candidate adds over the example (intent first: a violation outranks a contract defect). */
export function freshIssue(baseline: ExchangeResult, candidate: ExchangeResult, relevant: (issue: ValidationIssue) => boolean): { kind: FindingKind; issue: ValidationIssue } | undefined {
  if (!candidate.matched) return { kind: 'violation', issue: { part: 'path', pointer: '', keyword: 'path', message: candidate.reason } };
  const before = new Set(baseline.matched ? [...baseline.strict, ...baseline.intent].map(key) : []);
  const fresh = (issue: ValidationIssue): boolean => !before.has(key(issue)) && relevant(issue);
  // A length the candidate breaks is Pact's blind spot, not the matcher's fault: a oneOf around it then fails too, at
  // its parent, and that failure is the bound's, not a shape the matcher admits.
  if ([...candidate.intent, ...candidate.strict].some((issue) => BOUNDS.has(issue.keyword) && fresh(issue))) return undefined;
  const pick = (issues: readonly ValidationIssue[]): ValidationIssue | undefined => issues.find((issue) => fresh(issue) && !BOUNDS.has(issue.keyword));
  const intent = pick(candidate.intent);
  if (intent) return { kind: 'violation', issue: intent };
  const strict = pick(candidate.strict);
  return strict ? { kind: 'contract-defect', issue: strict } : undefined;
}

/** An issue at `pointer` or at one of its ancestors (a oneOf/anyOf reports at the parent). */
export const touches = (issuePointer: string, pointer: string): boolean => issuePointer === pointer || pointer.startsWith(`${issuePointer}/`);

/** A rule's matchers in a few words, for messages. */
export function describeRule(rule: LocatedRule): string {
  const words = rule.rules.matchers.map((m) => (m.match === 'regex' ? `regex ${preview(m['regex'], 48)}` : m.match === 'statusCode' ? `statusCode ${preview(m['status'])}` : m.match));
  return words.join(rule.rules.combine === 'OR' ? ' OR ' : ' AND ');
}

/** A finding about what a matcher admits. */
export function matcherFinding(ctx: InteractionContext, side: 'request' | 'response', rule: LocatedRule, kind: FindingKind, pointer: string, keyword: string, message: string): PactFinding {
  return { kind, file: ctx.file, interaction: ctx.interaction, side, source: 'matcher', location: rule.location, pointer, keyword, message };
}

/** "matcher X at K admits V, which the contract rejects: ..." */
export function admitsMessage(rule: LocatedRule, candidate: unknown, issue: ValidationIssue, kind: FindingKind): string {
  const reading = kind === 'violation' ? 'the contract rejects' : 'only the contract\'s defects reject';
  return `matcher ${describeRule(rule)} at ${rule.key || rule.category} admits ${preview(candidate)}, which ${reading}: ${issue.message}`;
}

/** A warning for a rule this check cannot evaluate. */
export function undecidable(ctx: InteractionContext, side: 'request' | 'response', rule: LocatedRule, reason: string): PactFinding {
  return matcherFinding(ctx, side, rule, 'warning', '', 'matcher', `matcher at ${rule.key || rule.category} not checked: ${reason}`);
}
