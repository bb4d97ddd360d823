/** The shapes the mock server's parts pass between them: a request as read, the reply decided, and why. */
import type { ReplySource } from '../../events/index.js';
import type { ValidationIssue, Verdict } from '../../validators/index.js';

/** A request as the mock read it off the wire: raw path (query included), headers lower-cased, body text. */
export interface MockRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as UTF-8 text ('' when none was sent); undefined when it could not be read (too large, unknown coding). */
  readonly rawBody: string | undefined;
  /** Why the body is unusable as sent: over the mock's cap, not UTF-8, or in a Content-Encoding it cannot read. */
  readonly bodyIssue?: BodyIssue;
}

/** What makes a request body unusable before any schema is looked at. */
export interface BodyIssue {
  readonly keyword: 'maxBytes' | 'encoding' | 'contentEncoding';
  readonly message: string;
}

/** What the mock sends back. `body` undefined sends no body; `rawBody` is sent as is (a pact's non-JSON body). */
export interface MockReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly rawBody?: string;
}

export type { ReplySource } from '../../events/index.js';

/** The reply to one request, with the contract's verdict on the request and the issues behind it. */
export interface MockDecision {
  readonly reply: MockReply;
  readonly verdict: Verdict | 'unmatched';
  /** Intent-reading issues for a violation; strict-reading ones for a contract defect; none when valid. */
  readonly issues: readonly ValidationIssue[];
  /** Why the request is not this operation's (verdict `unmatched`). */
  readonly reason?: string;
  readonly source: ReplySource;
  /** The pact interaction answered with (its description), in `--pacts` mode. */
  readonly interaction?: string;
  /** Anything a reader of the log should know: a fallback taken, a Prefer header refused. */
  readonly note?: string;
  /** The error drill this valid request was answered with (`429 RateLimitExceeded`, ...), with `--drill`. */
  readonly drill?: string;
  /** The drift value the reply serves (`/data/vendorIdentifier AIRWALLEX`), with `--contract-next`. */
  readonly drift?: string;
}
