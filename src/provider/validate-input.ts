/**
 * The provider's own input rules, written from the documented contract (not derived from it at run time).
 * Each rule returns an issue naming the field and the constraint it breaks, or nothing.
 */
import { codePointLength, cutShort } from './model.js';
import { percentDecode, type RawOperationPath } from './path.js';

/** One broken rule: which field, which constraint, and a sentence a person can act on. */
export interface InputIssue {
  readonly field: string;
  readonly constraint: string;
  readonly message: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: InputIssue };

/** The documented maximum length of every string in this operation, in Unicode code points. */
export const MAX_LENGTH = 255;
export const SLUG_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_|.@-]*$/;

const issue = (field: string, constraint: string, message: string): InputIssue => ({ field, constraint, message });
const quoted = (value: string): string => JSON.stringify(cutShort(value));

/** Customer slug `id`: 1..255 characters matching the slug pattern, after percent-decoding. */
export function checkCustomerId(id: string): InputIssue | undefined {
  const field = 'path parameter "id"';
  if (id.length === 0) return issue('id', 'minLength', `${field} must not be empty (minLength 1)`);
  const length = codePointLength(id);
  if (length > MAX_LENGTH) return issue('id', 'maxLength', `${field} must be at most ${MAX_LENGTH} characters (maxLength); got ${length}`);
  if (!SLUG_PATTERN.test(id)) return issue('id', 'pattern', `${field} must match ${SLUG_PATTERN.source} (pattern); got ${quoted(id)}`);
  return undefined;
}

/** `integrationId`: at most 255 code points; an empty segment cannot name an integration. */
export function checkIntegrationId(integrationId: string): InputIssue | undefined {
  const field = 'path parameter "integrationId"';
  if (integrationId.length === 0) return issue('integrationId', 'required', `${field} must not be empty (a required path parameter)`);
  const length = codePointLength(integrationId);
  if (length > MAX_LENGTH) {
    return issue('integrationId', 'maxLength', `${field} must be at most ${MAX_LENGTH} Unicode code points (maxLength); got ${length}`);
  }
  return undefined;
}

/** Percent-decodes and checks both path parameters, `id` first. */
export function checkPathParams(raw: RawOperationPath): Checked<{ readonly customerId: string; readonly integrationId: string }> {
  const id = percentDecode(raw.rawId);
  if (!id.ok) return { ok: false, issue: issue('id', 'percent-encoding', `path parameter "id" is not valid percent-encoding: ${id.reason}`) };
  const idIssue = checkCustomerId(id.value);
  if (idIssue) return { ok: false, issue: idIssue };
  const integrationId = percentDecode(raw.rawIntegrationId);
  if (!integrationId.ok) {
    const message = `path parameter "integrationId" is not valid percent-encoding: ${integrationId.reason}`;
    return { ok: false, issue: issue('integrationId', 'percent-encoding', message) };
  }
  const integrationIdIssue = checkIntegrationId(integrationId.value);
  if (integrationIdIssue) return { ok: false, issue: integrationIdIssue };
  return { ok: true, value: { customerId: id.value, integrationId: integrationId.value } };
}

/** `Content-Type` must be `application/json` (any case); a `charset` parameter, if any, must be UTF-8. */
export function checkContentType(header: string | undefined): InputIssue | undefined {
  const expected = 'Content-Type must be application/json';
  if (header === undefined || header.trim() === '') return issue('Content-Type', 'required', `${expected}; the header is missing`);
  const [mediaType = '', ...parameters] = header.split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') {
    return issue('Content-Type', 'media type', `${expected}; got ${quoted(header)}`);
  }
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=', 2).map((part) => part.trim().toLowerCase());
    const charset = value.replace(/^"(.*)"$/, '$1');
    if (name === 'charset' && charset !== 'utf-8' && charset !== 'utf8') {
      return issue('Content-Type', 'charset', `Content-Type charset must be utf-8 (the body is read as UTF-8); got ${quoted(value)}`);
    }
  }
  return undefined;
}

/** Parses the body text as JSON. */
export function parseJson(text: string): Checked<unknown> {
  if (text.trim() === '') return { ok: false, issue: issue('body', 'required', 'request body is required: a JSON object with "syncedEntityId"') };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issue: issue('body', 'json', `request body is not valid JSON: ${cutShort(reason, 120)}`) };
  }
}

/** The documented request body: exactly `{"syncedEntityId": string (≤ 255 code points) | null}`. */
export interface UpdateIntegrationBody {
  readonly syncedEntityId: string | null;
}

/** Checks a parsed body against UpdateCustomerIntegrationRequestDto. */
export function checkUpdateBody(body: unknown): Checked<UpdateIntegrationBody> {
  const fail = (constraint: string, message: string, field = 'body'): Checked<UpdateIntegrationBody> => ({
    ok: false,
    issue: issue(field, constraint, message),
  });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('type', `request body must be a JSON object; got ${describe(body)}`);
  }
  if (!Object.hasOwn(body, 'syncedEntityId')) {
    return fail('required', 'request body must have property "syncedEntityId" (required; a string or null)', 'syncedEntityId');
  }
  const extra = Object.keys(body).find((key) => key !== 'syncedEntityId');
  if (extra !== undefined) {
    return fail('additionalProperties', `request body property ${quoted(extra)} is not allowed (additionalProperties: false)`, extra);
  }
  const value: unknown = (body as { syncedEntityId: unknown }).syncedEntityId;
  if (value !== null && typeof value !== 'string') {
    return fail('type', `"syncedEntityId" must be a string or null (type); got ${describe(value)}`, 'syncedEntityId');
  }
  if (typeof value === 'string' && codePointLength(value) > MAX_LENGTH) {
    const message = `"syncedEntityId" must be at most ${MAX_LENGTH} Unicode code points (maxLength); got ${codePointLength(value)}`;
    return fail('maxLength', message, 'syncedEntityId');
  }
  return { ok: true, value: { syncedEntityId: value } };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
