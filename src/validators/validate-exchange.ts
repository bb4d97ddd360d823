import { decodeSegment, matchPath } from '../contract/path.js';
import type { OperationModel, Reading } from '../contract/types.js';
import type { CompiledParts, PartValidator } from './compile.js';
import { preview, verdictOf, type Part, type ValidationIssue, type Verdict } from './issue.js';
import { mediaEssence } from '../http/media-type.js';
import { normaliseHeaders, type HeaderValues } from '../http/headers.js';

/** A request as seen on the wire: the raw path (percent-encoded), headers, and a parsed `body` or raw `rawBody`. */
export interface RequestExchange {
  readonly method: string;
  readonly path: string;
  readonly headers?: HeaderValues;
  readonly body?: unknown;
  readonly rawBody?: string;
}

/** A response: status, headers, and a parsed `body` or raw `rawBody`. */
export interface ResponseExchange {
  readonly status: number;
  readonly headers?: HeaderValues;
  readonly body?: unknown;
  readonly rawBody?: string;
}

/** Both readings' issues and the verdict, or why the exchange is not this operation's at all. */
export type ExchangeResult =
  | { readonly matched: false; readonly verdict: 'unmatched'; readonly reason: string }
  | { readonly matched: true; readonly strict: ValidationIssue[]; readonly intent: ValidationIssue[]; readonly verdict: Verdict; readonly params: Readonly<Record<string, string>> };

function contentTypeIssue(part: Part, pointer: string, expected: string, actual: string | undefined): ValidationIssue[] {
  if (actual !== undefined && mediaEssence(actual) === mediaEssence(expected)) return [];
  const what = actual === undefined ? 'missing Content-Type' : `Content-Type ${preview(actual)}`;
  return [{ part, pointer, keyword: 'contentType', message: `${what}; the contract documents ${expected}`, ...(actual === undefined ? {} : { value: preview(actual) }) }];
}

/** Parses `rawBody` when given; a body that is not JSON is one issue, and no schema check follows. */
function parsedBody(part: Part, exchange: { body?: unknown; rawBody?: string }): { present: boolean; value?: unknown; issues: ValidationIssue[] } {
  if (exchange.rawBody === undefined) return { present: exchange.body !== undefined, value: exchange.body, issues: [] };
  if (exchange.rawBody === '') return { present: false, issues: [] };
  try {
    return { present: true, value: JSON.parse(exchange.rawBody) as unknown, issues: [] };
  } catch (error) {
    return { present: true, issues: [{ part, pointer: '', keyword: 'json', message: `body is not JSON: ${(error as Error).message}`, value: preview(exchange.rawBody) }] };
  }
}

function both(validator: Readonly<Record<Reading, PartValidator>> | undefined, value: unknown, common: ValidationIssue[]): Record<Reading, ValidationIssue[]> {
  return { strict: [...common, ...(validator?.strict(value) ?? [])], intent: [...common, ...(validator?.intent(value) ?? [])] };
}

/** Validates a request against the operation: path segments are percent-decoded first. */
export function checkRequest(operation: OperationModel, parts: CompiledParts, exchange: RequestExchange): ExchangeResult {
  if (exchange.method.toUpperCase() !== operation.method) return { matched: false, verdict: 'unmatched', reason: `method ${exchange.method} is not ${operation.method}` };
  const raw = matchPath(operation.pathTemplate, exchange.path);
  if (!raw) return { matched: false, verdict: 'unmatched', reason: `path ${preview(exchange.path)} does not match ${operation.pathTemplate}` };
  const encodingIssues: ValidationIssue[] = [];
  const params: Record<string, string> = {};
  for (const [name, segment] of Object.entries(raw)) {
    const decoded = decodeSegment(segment);
    if (decoded === undefined) encodingIssues.push({ part: 'path', pointer: `/${name}`, keyword: 'percentEncoding', message: `/${name} has malformed percent-encoding`, value: preview(segment) });
    else params[name] = decoded;
  }
  const headers = normaliseHeaders(exchange.headers);
  const body = parsedBody('body', exchange);
  const path = encodingIssues.length ? { strict: encodingIssues, intent: encodingIssues } : both(parts.path, params, []);
  const head = both(parts.headers, headers, []);
  let bodyIssues: Record<Reading, ValidationIssue[]> = { strict: [], intent: [] };
  if (operation.requestBody) {
    const typeIssues = body.present || operation.requestBody.required ? contentTypeIssue('headers', '/content-type', operation.requestBody.contentType, headers['content-type']) : [];
    if (!body.present && operation.requestBody.required) {
      const missing: ValidationIssue = { part: 'body', pointer: '', keyword: 'required', message: 'the request body is required' };
      bodyIssues = { strict: [...typeIssues, missing], intent: [...typeIssues, missing] };
    } else if (body.issues.length || !body.present) bodyIssues = { strict: [...typeIssues, ...body.issues], intent: [...typeIssues, ...body.issues] };
    else bodyIssues = both(parts.body, body.value, typeIssues);
  }
  const strict = [...path.strict, ...head.strict, ...bodyIssues.strict];
  const intent = [...path.intent, ...head.intent, ...bodyIssues.intent];
  return { matched: true, strict, intent, verdict: verdictOf(strict, intent), params };
}

/** Validates a response: its status must be documented; its body is checked against that status' schema. */
export function checkResponse(operation: OperationModel, parts: CompiledParts, exchange: ResponseExchange): ExchangeResult {
  const documented = operation.responses.find((response) => response.status === exchange.status);
  if (!documented) return { matched: false, verdict: 'unmatched', reason: `status ${exchange.status} is not documented (documented: ${operation.responses.map((r) => r.status).join(', ')})` };
  const part: Part = `response:${exchange.status}`;
  const body = parsedBody(part, exchange);
  const common: ValidationIssue[] = [];
  if (documented.body && exchange.headers) {
    common.push(...contentTypeIssue(part, '/content-type', documented.body.contentType, normaliseHeaders(exchange.headers)['content-type']));
  }
  if (documented.body && !body.present) common.push({ part, pointer: '', keyword: 'required', message: `status ${exchange.status} documents a ${documented.body.contentType} body; none was sent` });
  const result = body.issues.length || !body.present ? { strict: [...common, ...body.issues], intent: [...common, ...body.issues] } : both(parts.responses.get(exchange.status), body.value, common);
  return { matched: true, ...result, verdict: verdictOf(result.strict, result.intent), params: {} };
}
