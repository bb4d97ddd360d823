/**
 * The replies the mock builds: schema-valid generated responses (made coherent with the request where the contract
 * allows), and its own error bodies, each `{"message", "code"}` with a code from the status' documented enum.
 */
import type { ContractFacts } from '../../checks/index.js';
import { RECORD_ID_FIELD } from '../../checks/documented.js';
import type { OperationContract } from '../../validators/index.js';
import type { ResponseBodies } from './bodies.js';
import type { MockReply } from './types.js';
import { isJsonObject } from '../../contract/json.js';
import { RATE_LIMITED_STATUS } from '../../checks/index.js';

/** Everything the mock needs to know about the contract, derived once, and where its generated bodies come from. */
export interface ResponderContext {
  readonly contract: OperationContract;
  readonly facts: ContractFacts;
  readonly bodies: ResponseBodies;
  /** The next version of the contract (`--contract-next`): a drift value's body is checked against it. */
  readonly next?: OperationContract;
}

/** The wait a mock 429 asks for, in seconds: short, since the mock does not really limit anyone. */
export const RETRY_AFTER_SECONDS = 1;

/** The code of a route-miss 404, when the contract's 404 enum lists it (else the enum's first member). */
export const ROUTE_NOT_FOUND_CODE = 'CustomerResourceNotFound';



/** Headers every reply of a status carries: a 429 always says when to come back. */
export function statusHeaders(status: number): Record<string, string> {
  return status === RATE_LIMITED_STATUS ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {};
}

/** `code` for an error body: `wanted` when the status documents it, else the first documented member, else null. */
export function errorCode(facts: ContractFacts, status: number, wanted: string): string | null {
  const codes = (facts.errorCodes(status, 'strict') ?? []).filter((code): code is string => typeof code === 'string');
  return codes.includes(wanted) ? wanted : (codes[0] ?? null);
}

/** A mock-written error reply: `{"message", "code"}`. */
export function errorReply(facts: ContractFacts, status: number, wantedCode: string, message: string): MockReply {
  return { status, headers: statusHeaders(status), body: { message, code: errorCode(facts, status, wantedCode) } };
}

/** What a generated reply is made coherent with: the request's decoded path parameters and parsed body. */
export interface RequestFacts {
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** For an error status: pin `code` to this documented member (from `Prefer: example=`). */
  readonly code?: string;
  /** For an error status: the message to send instead of a generated string. */
  readonly message?: string;
}

/** JSON pointers of the success body's fields that echo the request (the addressed id, the update field). */
export function coherentPointers(facts: ContractFacts): string[] {
  const record = facts.envelope === undefined ? '' : `/${facts.envelope}`;
  return [RECORD_ID_FIELD, ...(facts.updateField === undefined ? [] : [facts.updateField])].map((field) => `${record}/${field}`);
}

/** A 200 that answers this request: the record's id is the addressed integration, the update field what was sent. */
function coherentSuccess(ctx: ResponderContext, body: unknown, request: RequestFacts): unknown {
  const { envelope, resourceParam, updateField } = ctx.facts;
  const record = envelope === undefined ? body : isJsonObject(body) ? body[envelope] : undefined;
  if (!isJsonObject(record)) return body;
  const patched: Record<string, unknown> = { ...record };
  const id = resourceParam === undefined ? undefined : request.params[resourceParam];
  if (id !== undefined) patched[RECORD_ID_FIELD] = id;
  if (updateField !== undefined && isJsonObject(request.body) && updateField in request.body) patched[updateField] = request.body[updateField];
  return envelope === undefined ? patched : { ...(body as Record<string, unknown>), [envelope]: patched };
}

/** An error body with the asked-for code and a readable message instead of generated text. */
function coherentError(ctx: ResponderContext, status: number, body: unknown, seed: number, request: RequestFacts): unknown {
  if (!isJsonObject(body)) return body;
  const codes = (ctx.facts.errorCodes(status, 'strict') ?? []).filter((code): code is string => typeof code === 'string');
  // Why pick from the strict enum: a client asking for an error wants a documented code, not the null the intent reading also admits.
  const picked = request.code ?? codes[Math.abs(seed) % Math.max(1, codes.length)];
  // Only fields the generated body already has are replaced: a schema without `code` or `message` gets none added.
  const code = picked !== undefined && 'code' in body ? { code: picked } : {};
  const message = request.message !== undefined && typeof body['message'] === 'string' ? { message: request.message } : {};
  return { ...body, ...code, ...message };
}

/**
 * A schema-valid response of a documented status (a success from the covering schedule, or a drift value's), generated
 * with `seed` and made coherent with the request. The coherent version is checked against the contract (a drift
 * value's against the next version, the only one that allows it) and dropped (with a note) if it would reject it.
 */
export function generatedReply(ctx: ResponderContext, status: number, seed: number, request: RequestFacts): { reply: MockReply; note?: string; drift?: string } {
  const drawn = ctx.bodies.draw(status, seed);
  const headers = statusHeaders(status);
  const mediaType = ctx.facts.mediaType(status);
  if (drawn === undefined || mediaType === undefined) return { reply: { status, headers } };
  const drift = drawn.drift === undefined ? {} : { drift: drawn.drift.label };
  const success = status === ctx.facts.successStatus;
  const body = success ? coherentSuccess(ctx, drawn.body, request) : coherentError(ctx, status, drawn.body, seed, request);
  const judge = drawn.drift !== undefined && ctx.next !== undefined ? ctx.next : ctx.contract;
  const check = judge.validateResponse({ status, headers: { 'content-type': mediaType }, body });
  if (check.verdict === 'valid' || check.verdict === 'contract-defect') return { reply: { status, headers, body }, ...drift };
  return { reply: { status, headers, body: drawn.body }, ...drift, note: `could not make the ${status} coherent with the request (${check.matched ? check.intent[0]?.message : check.reason}); sent as generated` };
}
