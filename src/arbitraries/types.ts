/** The shape of generated cases: shared by arbitraries (which make them), checks and runners (which use them). */
import type { Part } from '../validators/issue.js';

/**
 * The one constraint an invalid value breaks. `part`/`pointer`/`keyword` match the intent validator's issue for it
 * (e.g. `{part: 'path', pointer: '/id', keyword: 'pattern'}`); constraints outside JSON Schema use their own keywords:
 * `json` (body not JSON), `contentType` (headers `/content-type`), `required` (body missing: pointer ''),
 * `auth` (headers `/x-api-key`: a wrong key; a missing key is `required`), `percentEncoding` (path).
 */
export interface BreakTag {
  readonly part: Part;
  readonly pointer: string;
  readonly keyword: string;
}

/** Whether a generated value is meant to be accepted, and if not, why. */
export type Intent =
  | { readonly intent: 'valid' }
  | { readonly intent: 'invalid'; readonly breaks: BreakTag };

/** How the API key is sent. The real key is never part of a case: runners inject it at send time. */
export type KeyUse = 'valid' | 'missing' | { readonly wrong: string };

/** A whole HTTP request for the operation under test, ready to send, with what it is meant to exercise. */
export interface RequestCase {
  readonly method: string;
  /** The path as sent: each segment percent-encoded (see `encoding`). */
  readonly path: string;
  /** The decoded path parameter values (`id`, `integrationId`). */
  readonly params: Readonly<Record<string, string>>;
  /** `unreserved`: everything but RFC 3986 unreserved characters encoded; `pchar`: sub-delims, `:` and `@` raw. */
  readonly encoding: 'pchar' | 'unreserved';
  /** Headers other than the API key, names as sent. */
  readonly headers: Readonly<Record<string, string>>;
  readonly key: KeyUse;
  /** The body bytes as sent (UTF-8 text), or undefined for no body. */
  readonly rawBody: string | undefined;
  readonly expect: Intent;
}
