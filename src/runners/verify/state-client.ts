/**
 * The Pact state-change protocol, client side: POST {state, params, action} to the provider's state URL. A state
 * change has its own deadline (not the exchange's); a teardown that fails is sent again, and one that fails every
 * time is told to `onTeardownFailed` (the run reports it as a provider-state problem, naming the state).
 */
import { request } from 'undici';
import { TransportError } from '../../errors.js';
import { fieldValue } from '../../http/headers.js';
import { Backoff, rateLimitRefusal, withRetryAfter } from '../../http/retry.js';
import { withDeadline } from './deadline.js';

export type StateAction = 'setup' | 'teardown';

export interface StateChange {
  readonly state: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Changes provider state; throws a TransportError with the provider's answer when it refuses. */
export interface StateClient {
  change(change: StateChange, action: StateAction): Promise<void>;
}

/** How state changes back off when a limiter in front of the state URL answers 429. */
export interface StateBackoff {
  /** The longest single wait, whatever Retry-After says (ms). */
  readonly maxWaitMs: number;
  /** All waits of one poster together (ms): past it, a 429 is the answer. */
  readonly budgetMs: number;
  /** The most times one body is sent (a limiter saying `Retry-After: 0` forever must end too). */
  readonly maxAttempts: number;
}

const DEFAULT_BACKOFF: StateBackoff = { maxWaitMs: 5_000, budgetMs: 60_000, maxAttempts: 20 };

/** The waits before the second and third try of a teardown that failed (a 5xx, no answer in time, no connection). */
export const TEARDOWN_RETRY_WAITS_MS: readonly number[] = [250, 1_000];

/** Once the run is interrupted, a teardown gets this long and one try: the run ends within about a second. */
export const INTERRUPTED_TEARDOWN_MS = 1_000;

/** How a state client or relay posts. */
export interface StatePostOptions {
  /** The deadline of one POST (ms). */
  readonly timeoutMs: number;
  /** The run's interruption: set-ups in flight are abandoned, teardowns get INTERRUPTED_TEARDOWN_MS and one try. */
  readonly signal?: AbortSignal;
  readonly backoff?: StateBackoff;
  /** Extra headers (`--header`), sent with every state change too. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Hears each teardown that failed on every try, with why (the run reports it, and stops using that state). */
  readonly onTeardownFailed?: (change: StateChange, message: string) => void;
}

/** The state URL's final answer to one POST. */
export interface StateAnswer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string | undefined;
}

/** No answer to a POST: why (the deadline passed, the connection failed, the run was interrupted). */
export interface NoAnswer {
  readonly failed: string;
  readonly cause?: unknown;
}

/** The final answer to a state change, or why none came, and how many times it was sent (429s waited out aside). */
export type Posted = (StateAnswer | NoAnswer) & { readonly tries: number };

/** POSTs a state-change body. */
export type StatePoster = (body: string, action?: StateAction) => Promise<Posted>;

/** Whether an outcome of a teardown is worth sending it again for (the provider's trouble, not a refusal of the body). */
const worthRetrying = (outcome: StateAnswer | NoAnswer): boolean => 'failed' in outcome || outcome.status >= 500 || outcome.status === 408;

/**
 * POSTs to `stateUrl`, each POST within `timeoutMs`. A 429 (a gateway's limiter in front of the state URL too) is
 * waited out as its Retry-After says (1 s without one) and the body sent again, within the budget and the number of
 * attempts. A teardown that fails is sent again after each of TEARDOWN_RETRY_WAITS_MS — not once the run is
 * interrupted, nor while the last teardown failed every try (a state URL whose teardowns all fail would otherwise
 * cost seconds each) — then the last outcome is returned.
 */
export function createStatePoster(stateUrl: string, options: StatePostOptions): StatePoster {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const hooks = options.signal ? { signal: options.signal } : {};
  const waits = new Backoff(backoff.maxWaitMs, backoff.budgetMs, hooks);
  const once = (body: string, action: StateAction | undefined): Promise<StateAnswer | NoAnswer> => withRetryAfter(async () => {
    // A set-up in flight is abandoned at the interruption; a teardown is given a short while to finish.
    const outcome = await withDeadline(options.timeoutMs, options.signal, action === 'teardown' ? INTERRUPTED_TEARDOWN_MS : 0, async (signal) => {
      const response = await request(stateUrl, { method: 'POST', headers: { ...options.headers, 'content-type': 'application/json' }, body, signal });
      const contentType = response.headers['content-type'];
      return { status: response.statusCode, text: await response.body.text(), contentType: contentType === undefined ? undefined : fieldValue(contentType), headers: response.headers };
    });
    return 'failed' in outcome ? outcome : outcome.value;
  }, (answer) => ('failed' in answer ? false : rateLimitRefusal(answer.status, answer.headers)), waits, backoff);
  let failing = false;
  return async (body, action) => {
    if (action !== 'teardown') return { ...(await once(body, action)), tries: 1 };
    let tries = 0;
    const outcome = await withRetryAfter(() => (tries++, once(body, action)), (last) => (worthRetrying(last) ? { retryAfterMs: undefined } : false), new Backoff(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, hooks), {
      maxAttempts: failing ? 1 : TEARDOWN_RETRY_WAITS_MS.length + 1,
      defaultWaitMs: (retry) => TEARDOWN_RETRY_WAITS_MS[retry] ?? 0,
    });
    failing = worthRetrying(outcome);
    return { ...outcome, tries };
  };
}

/** What went wrong with a state change (`answered 500: …`, `no answer within 10000 ms`), or undefined for a 2xx. */
export const stateFailure = (outcome: StateAnswer | NoAnswer): string | undefined => {
  if ('failed' in outcome) return outcome.failed;
  return outcome.status >= 200 && outcome.status < 300 ? undefined : `answered ${outcome.status}: ${outcome.text.slice(0, 200)}`;
};

/** The one wording of a teardown that failed every try, naming the state. */
export const teardownFailure = (state: string, posted: Posted, interrupted: boolean): string =>
  `the teardown of provider state "${state}" failed (${posted.tries === 1 ? 'one try' : `${posted.tries} tries`}${interrupted ? ': the run was interrupted' : ''}): ${stateFailure(posted) ?? ''}`;

/** A state client for `stateUrl` (see createStatePoster for deadlines, 429s and retried teardowns). */
export function createStateClient(stateUrl: string, options: StatePostOptions): StateClient {
  const post = createStatePoster(stateUrl, options);
  return {
    async change(change, action) {
      const outcome = await post(JSON.stringify({ state: change.state, params: change.params, action }), action);
      const why = stateFailure(outcome);
      if (why === undefined) return;
      if (action === 'teardown') options.onTeardownFailed?.(change, teardownFailure(change.state, outcome, options.signal?.aborted === true));
      const label = `state change "${change.state}" (${action})`;
      throw new TransportError('failed' in outcome ? `${label} failed: ${why}` : `${label} ${why}`, stateUrl, 'failed' in outcome ? { cause: outcome.cause } : { status: outcome.status });
    },
  };
}
