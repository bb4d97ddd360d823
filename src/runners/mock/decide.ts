/**
 * How the mock answers one request, in order: another route → 404; no API key → 401 (whatever else is wrong);
 * a body over the cap → 400; a request the contract rejects → 400 naming each issue; a Prefer header it cannot
 * honour → 400; else the asked-for (or success) status, from a matching pact interaction or generated.
 * The verdict is the validators' (validateRequest); the mock only chooses the reply.
 */
import { BAD_INPUT_STATUS, BAD_INPUT_CODE, UNAUTHENTICATED_STATUS, UNAUTHENTICATED_CODE } from '../../checks/index.js';
import type { ExchangeResult, ValidationIssue } from '../../validators/index.js';
import { drillLabel, type Drill, type Drills } from './drills.js';
import type { PactResponder } from './pact-responder.js';
import { resolvePreference, type Preference } from './prefer.js';
import { errorReply, generatedReply, ROUTE_NOT_FOUND_CODE, type ResponderContext } from './respond.js';
import type { MockDecision, MockReply, MockRequest } from './types.js';
import { apiKeyHeaderOf } from '../../contract/operation.js';

/** What the mock decides with: the contract (and its facts), the pacts in `--pacts` mode, drills, the body cap. */
export interface MockContext extends ResponderContext {
  readonly pacts: PactResponder | undefined;
  readonly drills: Drills | undefined;
  readonly bodyLimitBytes: number;
}

type Answer = Pick<MockDecision, 'reply' | 'source' | 'interaction' | 'note' | 'drill' | 'drift'>;
type Seen = Pick<MockDecision, 'verdict' | 'issues'>;

/** At most this many issues are spelled out in a 400's message (all are in the log). */
const MESSAGE_ISSUES = 5;

/** One issue as `part pointer (keyword): message, got value`. */
export const describeIssue = (issue: ValidationIssue): string =>
  `${issue.part} ${issue.pointer || '(root)'} (${issue.keyword}): ${issue.message}${issue.value === undefined ? '' : `, got ${issue.value}`}`;

/** A 400's message: each issue described, the first few spelled out. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  const shown = issues.slice(0, MESSAGE_ISSUES).map(describeIssue);
  const more = issues.length > MESSAGE_ISSUES ? `; … and ${issues.length - MESSAGE_ISSUES} more` : '';
  return `the request breaks the contract: ${shown.join('; ')}${more}`;
}

const parsed = (text: string | undefined): unknown => {
  try {
    return text === undefined || text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
};

function hasApiKey(ctx: MockContext, headers: Readonly<Record<string, string>>): boolean {
  if (ctx.facts.apiKeyHeaders.length === 0) return true;
  return ctx.facts.apiKeyHeaders.some((name) => (headers[name] ?? '').trim() !== '');
}

/** The reply of a matching pact interaction that `wanted` accepts, else `fallback` (noting the miss in pact mode). */
function pactOr(ctx: MockContext, request: MockRequest, wanted: (reply: MockReply) => boolean, fallback: () => Answer): Answer {
  const entry = ctx.pacts?.find(request, wanted);
  if (entry) return { reply: entry.reply, source: 'pact', interaction: entry.description };
  const answer = fallback();
  if (!ctx.pacts) return answer;
  const miss = `no pact interaction matched; answered with a ${answer.source} ${answer.reply.status}`;
  return { ...answer, note: answer.note === undefined ? miss : `${miss}; ${answer.note}` };
}

const mock = (reply: MockReply): Pick<MockDecision, 'reply' | 'source'> => ({ reply, source: 'mock' });

/** What a reply to an asked-for status must be: that status, and the pinned code if any. */
function wantedBy(preference: Preference | undefined, success: number | undefined): (reply: MockReply) => boolean {
  if (!preference) return (reply) => reply.status !== BAD_INPUT_STATUS && reply.status !== UNAUTHENTICATED_STATUS && (success === undefined || reply.status >= success);
  const { status, code } = preference;
  return (reply) => reply.status === status && (code === undefined || (reply.body as { code?: unknown } | undefined)?.code === code);
}

/** The verdict and issues to log: an unusable body (too large, not UTF-8, ...) is its one body issue. */
function seenOf(request: MockRequest, result: Extract<ExchangeResult, { matched: true }>): Seen {
  const unusable = request.bodyIssue;
  if (unusable) return { verdict: 'violation', issues: [...result.intent.filter((issue) => issue.part !== 'body'), { part: 'body', pointer: '', ...unusable }] };
  return { verdict: result.verdict, issues: result.verdict === 'contract-defect' ? result.strict : result.intent };
}

/** The 401, or 400, a request gets before any preference is looked at; undefined when there is none. */
function refusal(ctx: MockContext, request: MockRequest, seen: Seen): Answer | undefined {
  const { facts, contract } = ctx;
  if (!hasApiKey(ctx, request.headers)) {
    const message = `no API key: send one in ${apiKeyHeaderOf(contract.operation) ?? 'the API key header'} (this mock accepts any non-empty key)`;
    return pactOr(ctx, request, (reply) => reply.status === UNAUTHENTICATED_STATUS, () => mock(errorReply(facts, UNAUTHENTICATED_STATUS, UNAUTHENTICATED_CODE, message)));
  }
  if (request.bodyIssue) return mock(errorReply(facts, BAD_INPUT_STATUS, BAD_INPUT_CODE, request.bodyIssue.message));
  if (seen.verdict === 'violation') return pactOr(ctx, request, (reply) => reply.status === BAD_INPUT_STATUS, () => mock(errorReply(facts, BAD_INPUT_STATUS, BAD_INPUT_CODE, describeIssues(seen.issues))));
  return undefined;
}

/** A drilled request's reply: a generated error of the drill's status and code (pacts are not consulted). */
function drilled(ctx: MockContext, request: MockRequest, params: Readonly<Record<string, string>>, seed: number, drill: Drill): Answer {
  const message = `an error drill: the mock answers some valid requests with ${drillLabel(drill)} (--drill)`;
  const drillFacts = { params, body: parsed(request.rawBody), message, ...(drill.code === undefined ? {} : { code: drill.code }) };
  return { ...generatedReply(ctx, drill.status, seed, drillFacts), source: 'generated', drill: drillLabel(drill) };
}

/** The reply to a valid request: a drill, or the status asked for with Prefer (or success), from a pact or generated. */
function answer(ctx: MockContext, request: MockRequest, params: Readonly<Record<string, string>>, seed: number): Answer {
  const { facts } = ctx;
  const asked = resolvePreference(request.headers['prefer'], facts);
  if ('error' in asked) return { ...mock(errorReply(facts, BAD_INPUT_STATUS, BAD_INPUT_CODE, asked.error)), note: 'the Prefer header could not be honoured (the response message says why)' };
  const { preference } = asked;
  const drill = preference ? undefined : ctx.drills?.pick(seed);
  if (drill) return drilled(ctx, request, params, seed, drill);
  const status = preference?.status ?? facts.successStatus ?? 200;
  const message = preference && status !== facts.successStatus ? `the mock's ${status}, asked for with Prefer: code=${status}` : undefined;
  const requestFacts = { params, body: parsed(request.rawBody), ...(preference?.code === undefined ? {} : { code: preference.code }), ...(message === undefined ? {} : { message }) };
  return pactOr(ctx, request, wantedBy(preference, facts.successStatus), () => ({ ...generatedReply(ctx, status, seed, requestFacts), source: 'generated' }));
}

/** Decides the reply to one request; `seed` is this request's response seed. */
export function decide(ctx: MockContext, request: MockRequest, seed: number): MockDecision {
  const { contract, facts } = ctx;
  const { method, path, headers, rawBody } = request;
  const result = contract.validateRequest({ method, path, headers, ...(rawBody === undefined ? {} : { rawBody }) });
  if (!result.matched) {
    const message = `${result.reason}: this mock serves only ${contract.operation.method} ${contract.operation.pathTemplate}`;
    return { ...mock(errorReply(facts, 404, ROUTE_NOT_FOUND_CODE, message)), verdict: 'unmatched', issues: [], reason: result.reason };
  }
  const seen = seenOf(request, result);
  return { ...seen, ...(refusal(ctx, request, seen) ?? answer(ctx, request, result.params, seed)) };
}
