/** The checks layer's data: what a runner records (Exchange) and what a check finds (Finding); the Check shape is check.ts's. */
import type { Intent, RequestCase } from '../arbitraries/types.js';

/** The request as it went on the wire. The API key's value is never here: the runner writes `$STIGG_API_KEY`. */
export interface SentRequest {
  readonly method: string;
  /** The full URL as sent (base URL + `path`). */
  readonly url: string;
  /** The path exactly as sent, percent-encoding and dot segments untouched. */
  readonly path: string;
  /** Header names as sent; the API-key header's value is the placeholder `$STIGG_API_KEY` (see API_KEY_PLACEHOLDER). */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string | undefined;
}

/** A response that arrived. */
export interface ReceivedResponse {
  readonly status: number;
  /** Header names lower-cased; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** The parsed body when the runner parsed it as JSON; undefined when it did not (checks parse `rawBody` then). */
  readonly body?: unknown;
  readonly elapsedMs: number;
}

/** Why no usable response arrived. `too-large`: the body exceeded the runner's limit. */
export type TransportErrorKind = 'timeout' | 'connection-reset' | 'refused' | 'too-large' | 'protocol' | 'other';

/** No response: the transport failed. */
export interface TransportFailure {
  readonly error: TransportErrorKind;
  readonly message: string;
  readonly elapsedMs?: number;
  /** The response's status line and headers did arrive, this long after sending: the body is what failed. */
  readonly headersAfterMs?: number;
}

/** What came back for a request. Discriminate with `'error' in outcome` (or isTransportFailure). */
export type ResponseOutcome = ReceivedResponse | TransportFailure;

/**
 * The data state the runner set up for a case (provider state or `--fixture`). With `unknown`, checks that need to
 * know the data skip with a reason; they never pass by default.
 */
export type Scenario =
  /** `record`: the integration's fields as set up that an update leaves alone (vendorIdentifier, syncData), when known. */
  | { readonly kind: 'existing'; readonly customerId: string; readonly integrationId: string; readonly record?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'no-customer'; readonly customerId?: string }
  | { readonly kind: 'no-integration'; readonly customerId?: string; readonly integrationId?: string }
  | { readonly kind: 'forbidden'; readonly customerId?: string }
  | { readonly kind: 'rate-limited' }
  /**
   * A provider state was torn down: `effectStatus` is what it made the provider answer (429 for a rate-limited key,
   * 403 for a forbidden customer), which must be over; `tries` requests were sent before this one was judged.
   */
  | { readonly kind: 'torn-down'; readonly state: string; readonly effectStatus: number; readonly tries: number; readonly customerId?: string }
  /**
   * `planned`: the runner sent the case on data it never set up on purpose (a path edge value on ids no state made),
   * and says so; the data-dependent checks find it not applicable, with this reason, instead of skipping for want of a
   * provider state.
   */
  | { readonly kind: 'unknown'; readonly planned?: string };

/** How a related exchange relates to the primary one: the same request again, or a variant of its optional headers. */
export type Relation = 'repeat' | 'header-variant';

/** Another exchange a multi-exchange check compares with the primary one. */
export interface RelatedExchange {
  readonly relation: Relation;
  /** What differs, for messages: `sent twice`, `X-ACCOUNT-ID absent`, `X-ENVIRONMENT-ID: "%%garbage"`. */
  readonly label: string;
  readonly request: SentRequest;
  readonly response: ResponseOutcome;
}

/** fast-check's replay coordinates for the case. */
export interface Replay {
  readonly seed: number;
  readonly path?: string;
  /** The shard of a sharded run (`2/4`): its data and its random phase's seed depend on it. */
  readonly shard?: string;
}

/** One generated case, sent and answered: everything a check looks at. */
export interface Exchange {
  readonly case: RequestCase;
  readonly scenario: Scenario;
  readonly request: SentRequest;
  readonly response: ResponseOutcome;
  /** Exchanges sent for comparison (idempotency, optional headers); absent for single-exchange cases. */
  readonly related?: readonly RelatedExchange[];
  readonly replay?: Replay;
  /** The systematic phase's edge class this exchange stands for (absent for random cases). */
  readonly edgeClass?: string;
  /** The edge catalogue's kind of that class (`store/case-neighbours`), by the layer that mishandles it. */
  readonly edgeKind?: string;
}

/**
 * What a finding says about: the provider (`violation`), the contract document (`contract-defect`), neither
 * (`warning`), or the move to the next version of the contract (`contract-drift`: the pinned contract forbids it,
 * the next one allows it; see checks/drift.ts).
 */
export type FindingKind = 'violation' | 'contract-defect' | 'warning' | 'contract-drift';

/** Every finding kind, in the order reports list them. */
export const FINDING_KINDS: readonly FindingKind[] = ['violation', 'contract-drift', 'contract-defect', 'warning'];

/** A response as kept in a finding: the body cut to a few KiB. */
export interface TrimmedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly truncated: boolean;
  readonly elapsedMs: number;
}

/** How to reproduce a finding: a curl command, and fast-check's replay flags when the runner knew them. */
export interface Reproducer {
  readonly curl: string;
  /** e.g. `--seed 42 --path 7:1`. */
  readonly replay?: string;
}

/** One thing a check found wrong (or worth a warning) in one exchange. */
export interface Finding {
  readonly check: string;
  readonly kind: FindingKind;
  readonly message: string;
  readonly expected: string;
  /** What was observed, cut short. */
  readonly actual: string;
  readonly intent: Intent;
  readonly scenario: Scenario['kind'];
  readonly request: SentRequest;
  readonly response: TrimmedResponse | TransportFailure;
  readonly replay?: Replay;
  /** Filled by the report layer, which owns curl rendering. */
  readonly reproducer?: Reproducer;
}
