/** Probes the request path matcher (segment by segment) and the response status matcher. */
import { buildPath, decodeSegment, matchPath } from '../../contract/path.js';
import type { OperationModel } from '../../contract/types.js';
import type { InteractionContext, PactFinding } from './pact-finding.js';
import type { Revalidate } from './probe-values.js';
import { admission, stringProbes } from './probes.js';
import { admitsMessage, describeRule, freshIssue, matcherFinding, undecidable } from './probe.js';
import type { LocatedRule } from './rules.js';

/** Candidate paths: each parameter segment replaced by string probes, plus paths that are not this operation's. */
function candidatePaths(operation: OperationModel, path: string): string[] {
  const raw = matchPath(operation.pathTemplate, path) ?? {};
  const decoded = Object.fromEntries(Object.entries(raw).map(([name, segment]) => [name, decodeSegment(segment) ?? segment]));
  const perSegment = Object.entries(decoded).flatMap(([name, value]) => stringProbes(value).map((probe) => buildPath(operation.pathTemplate, { ...decoded, [name]: probe })));
  return [...new Set([...perSegment, '/PACT_PROBE', `${path}/x`, `/x${path}`])].filter((candidate) => candidate !== path);
}

/** The path matcher must admit only paths of this operation whose parameters the contract accepts. */
export function probePath(ctx: InteractionContext, operation: OperationModel, path: string, rules: readonly LocatedRule[], revalidate: Revalidate): PactFinding[] {
  return rules.filter((rule) => rule.category === 'path').flatMap((rule) => {
    const admitted = admission(rule.rules, path);
    if (!admitted.decidable) return [undecidable(ctx, 'request', rule, admitted.reason)];
    const baseline = revalidate({});
    for (const candidate of candidatePaths(operation, path).filter(admitted.admits)) {
      const fresh = freshIssue(baseline, revalidate({ path: candidate }), (issue) => issue.part === 'path');
      if (fresh) return [matcherFinding(ctx, 'request', rule, fresh.kind, fresh.issue.pointer, fresh.issue.keyword, admitsMessage(rule, candidate, fresh.issue, fresh.kind))];
    }
    return [];
  });
}

const CLASSES: Readonly<Record<string, readonly [number, number]>> = {
  information: [100, 199], success: [200, 299], redirect: [300, 399], clientError: [400, 499], serverError: [500, 599], nonError: [100, 399], error: [400, 599],
};
const ALL = Array.from({ length: 500 }, (_, index) => index + 100);

/** The statuses one matcher admits, or undefined when it is not a matcher for statuses. */
function statuses(matcher: Readonly<Record<string, unknown>> & { match: string }, example: number): readonly number[] | undefined {
  if (matcher.match === 'statusCode') {
    const status = matcher['status'];
    if (Array.isArray(status)) return status.filter((code): code is number => typeof code === 'number');
    const range = CLASSES[String(status)];
    return range ? ALL.filter((code) => code >= range[0] && code <= range[1]) : undefined;
  }
  if (matcher.match === 'type' || matcher.match === 'integer' || matcher.match === 'number') return ALL;
  return matcher.match === 'equality' ? [example] : undefined;
}

/** The status matcher must admit only documented statuses. */
export function probeStatus(ctx: InteractionContext, operation: OperationModel, status: number, rules: readonly LocatedRule[]): PactFinding[] {
  const documented = new Set(operation.responses.map((response) => response.status));
  return rules.filter((rule) => rule.category === 'status').flatMap((rule) => {
    const sets = rule.rules.matchers.map((matcher) => statuses(matcher, status));
    if (sets.some((set) => set === undefined)) return [undecidable(ctx, 'response', rule, `cannot tell which statuses ${describeRule(rule)} admits`)];
    const admitted = ALL.filter((code) => (rule.rules.combine === 'OR' ? sets.some((set) => set?.includes(code)) : sets.every((set) => set?.includes(code))));
    const undocumented = admitted.filter((code) => !documented.has(code));
    if (undocumented.length === 0) return [];
    const message = `matcher ${describeRule(rule)} admits ${undocumented.length} status(es) the contract does not document (e.g. ${undocumented.slice(0, 3).join(', ')}; documented: ${[...documented].join(', ')})`;
    return [matcherFinding(ctx, 'response', rule, 'violation', '', 'status', message)];
  });
}
