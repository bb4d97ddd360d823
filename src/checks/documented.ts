/**
 * The few expectations the contract model cannot state as data: HTTP status semantics and which member of a
 * documented enum a given situation calls for. Each is checked against the contract at run time (a constant the
 * contract does not document makes its check skip with a reason, never pass).
 */
import { TOO_MANY_REQUESTS } from '../http/retry.js';

/** RFC 9110 §15.5.1: the status for a request the server will not process because of a client error. */
export const BAD_INPUT_STATUS = 400;

/** RFC 9110 §15.5.2: the status for missing or invalid credentials. */
export const UNAUTHENTICATED_STATUS = 401;
/** HTTP's own answer to a body in a media type the target does not take (RFC 9110 §15.5.16); no contract documents it here. */
export const UNSUPPORTED_MEDIA_TYPE_STATUS = 415;

/** RFC 9110 §15.5.4: the status for valid credentials that may not access the resource. */
export const FORBIDDEN_STATUS = 403;

/** RFC 9110 §15.5.5: the status for a resource that does not exist. */
export const NOT_FOUND_STATUS = 404;

/** RFC 6585 §4: the status for a client over its rate limit, with an optional `Retry-After` (HTTP's, src/http). */
export const RATE_LIMITED_STATUS = TOO_MANY_REQUESTS;

/** The 400 code for input that breaks the documented schema (others in the 400 enum describe business rules). */
export const BAD_INPUT_CODE = 'BadUserInput';

/** The 401 code (the only member of its enum). */
export const UNAUTHENTICATED_CODE = 'Unauthenticated';

/** The 404 codes that say which of the two addressed resources is missing. */
export const NOT_FOUND_CODES = { customer: 'CustomerNotFound', integration: 'IntegrationNotFound' } as const;

/** The 403 code for a key that may not access the resource (others in the 403 enum are about identities and plans). */
export const FORBIDDEN_CODE = 'AccessDeniedError';

/** The 429 code. */
export const RATE_LIMITED_CODE = 'RateLimitExceeded';

/**
 * The codes this operation's situations call for, by status (bad input, no key, a forbidden customer, a missing
 * customer or integration, a rate-limited key): what a run can bring about. The error bodies' enums are API-wide (133
 * codes for 400 alone); their other members are counted in coverage, never listed as "not covered".
 */
export const SITUATION_CODES: Readonly<Record<number, readonly string[]>> = {
  [BAD_INPUT_STATUS]: [BAD_INPUT_CODE],
  [UNAUTHENTICATED_STATUS]: [UNAUTHENTICATED_CODE],
  [FORBIDDEN_STATUS]: [FORBIDDEN_CODE],
  [NOT_FOUND_STATUS]: [NOT_FOUND_CODES.customer, NOT_FOUND_CODES.integration],
  [RATE_LIMITED_STATUS]: [RATE_LIMITED_CODE],
};

export { API_KEY_PLACEHOLDER } from '../secrets.js';

/** How much of a response body a finding keeps. */
export const BODY_PREVIEW_BYTES = 2048;

/** The success record's property holding the addressed resource's id (schema CustomerIntegration.id). */
export const RECORD_ID_FIELD = 'id';
