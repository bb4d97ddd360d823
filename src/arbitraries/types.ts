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

/**
 * How the API key is sent. The real key is never part of a case: runners inject it at send time, also where a wrong
 * key is made from it (`$STIGG_API_KEY` in `wrong` stands for the real key).
 */
export type KeyUse = 'valid' | 'missing' | { readonly wrong: string };

/** A whole HTTP request for the operation under test, ready to send, with what it is meant to exercise. */
export interface RequestCase {
  readonly method: string;
  /**
   * The path as sent: each segment percent-encoded (see `encoding`). Send it verbatim (undici `Dispatcher.request({path})`,
   * node:http `path`): WHATWG URL parsing (`fetch`, undici's `request(url)`) turns `%2E` / `%2E%2E` segments into `.`/`..`
   * and navigates, so a valid integration id `.` or `..` would reach another URL.
   */
  readonly path: string;
  /** The decoded path parameter values (`id`, `integrationId`); for a `percentEncoding` break, that segment as sent. */
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

/** A generated value and the one constraint it breaks (what every invalid arbitrary yields). */
export interface Tagged<T> {
  readonly value: T;
  readonly breaks: BreakTag;
}

/** The headers of a case apart from the API key (names as sent), and how the key is sent. */
export interface HeaderCase {
  readonly headers: Readonly<Record<string, string>>;
  readonly key: KeyUse;
}

/** A request body as sent: a JSON value (serialised by the builder), text that is not JSON, or no body at all. */
export type RawBody =
  | { readonly kind: 'json'; readonly value: unknown; readonly indent?: number }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'absent' };

/** One way of breaking a request, as listed by `invalidKinds`: `pointer` is undefined when it depends on the value. */
export interface InvalidKind {
  /** Stable id, e.g. `path/id:pattern#first`, `body/syncedEntityId:maxLength`, `headers/x-api-key:auth`. */
  readonly id: string;
  readonly part: BreakTag['part'];
  readonly pointer: string | undefined;
  readonly keyword: string;
}
