/** Turns an HTTP response into the typed result or the typed error for its status. */
import type { HeaderValues } from '../http/headers.js';
import { preview, type OperationContract, type ValidationIssue } from '../validators/index.js';
import { ContractViolationError, ERROR_BY_STATUS, RateLimitedError, UnexpectedResponseError, type ApiErrorDetails } from './errors/index.js';
import { scrubValues } from '../secrets.js';
import { retryAfterSeconds } from '../http/retry-after.js';
import type { CustomerIntegration } from './types.js';
import { isJsonObject } from '../contract/json.js';

/** A response as read off the wire. */
export interface RawResponse {
  readonly status: number;
  readonly headers: HeaderValues;
  readonly text: string;
}

/** What interpreting a response needs besides the response. */
export interface ResponseContext {
  /** `PATCH /api/v1/...`, for messages. */
  readonly request: string;
  readonly redact: (text: string) => string;
  readonly contract: OperationContract | undefined;
}


function parseJson(text: string): { json: true; value: unknown } | { json: false } {
  try {
    return { json: true, value: JSON.parse(text) as unknown };
  } catch {
    return { json: false };
  }
}

/** Throws ContractViolationError when the contract, read as intended, rejects the response. */
function enforceContract(raw: RawResponse, context: ResponseContext): void {
  if (!context.contract) return;
  const result = context.contract.validateResponse({ status: raw.status, headers: raw.headers, rawBody: raw.text });
  const issues: ValidationIssue[] = !result.matched
    ? [{ part: `response:${raw.status}`, pointer: '', keyword: 'status', message: result.reason }]
    : result.verdict === 'violation' ? result.intent : [];
  if (issues.length === 0) return;
  const redacted = issues.map((issue) => ({ ...issue, message: context.redact(issue.message), ...(issue.value === undefined ? {} : { value: context.redact(issue.value) }) }));
  throw new ContractViolationError(context.request, raw.status, redacted);
}

function details(raw: RawResponse, body: unknown, context: ResponseContext): ApiErrorDetails {
  const message = isJsonObject(body) && typeof body['message'] === 'string' ? body['message'] : preview(raw.text, 200);
  const code = isJsonObject(body) && typeof body['code'] === 'string' ? body['code'] : null;
  return {
    request: context.request,
    status: raw.status,
    code: code === null ? null : context.redact(code),
    serverMessage: context.redact(message),
    body: scrubValues(body, context.redact, { keys: true }),
  };
}

/** The integration for a 200; otherwise throws the error class of the status (or UnexpectedResponseError). */
export function interpretResponse(raw: RawResponse, context: ResponseContext): CustomerIntegration {
  enforceContract(raw, context);
  const parsed = parseJson(raw.text);
  const body = parsed.json ? parsed.value : raw.text;
  if (raw.status === 200) {
    if (isJsonObject(body) && isJsonObject(body['data'])) return body['data'] as unknown as CustomerIntegration;
    throw new UnexpectedResponseError({ ...details(raw, body, context), serverMessage: `200 without a JSON {data: {...}} body: ${context.redact(preview(raw.text, 200))}` });
  }
  if (raw.status === 429) throw new RateLimitedError(details(raw, body, context), retryAfterSeconds(raw.headers['retry-after']));
  const ErrorClass = ERROR_BY_STATUS[raw.status] ?? UnexpectedResponseError;
  throw new ErrorClass(details(raw, body, context));
}
