/** The Pact state-change protocol, client side: POST {state, params, action} to the provider's state URL. */
import { request } from 'undici';
import { TransportError } from '../../errors.js';
import { fieldValue } from '../../http/headers.js';
import { Backoff, rateLimitRefusal, withRetryAfter } from '../../http/retry.js';

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

/** The least time a state change is given: setting up data may take a provider longer than answering a request. */
export const STATE_CHANGE_TIMEOUT_MS = 10_000;

/** The state URL's final answer to one POST. */
export interface StateAnswer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string | undefined;
}

/** POSTs a state-change body; network failures throw a TransportError naming `label`. */
export type StatePoster = (body: string, label: string) => Promise<StateAnswer>;

/**
 * POSTs to `stateUrl`, bounded by `timeoutMs` per call. A 429 (a gateway's limiter in front of the state URL too) is
 * waited out as its Retry-After says (1 s without one) and the body sent again, within the budget and the number of
 * attempts; then the last answer is returned.
 */
export function createStatePoster(stateUrl: string, timeoutMs: number, backoff: StateBackoff = DEFAULT_BACKOFF, headers: Readonly<Record<string, string>> = {}): StatePoster {
  const waits = new Backoff(backoff.maxWaitMs, backoff.budgetMs);
  return (body, label) => withRetryAfter(async () => {
    try {
      const response = await request(stateUrl, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(timeoutMs) });
      const contentType = response.headers['content-type'];
      return { status: response.statusCode, text: await response.body.text(), contentType: contentType === undefined ? undefined : fieldValue(contentType), headers: response.headers };
    } catch (error) {
      throw new TransportError(`${label} failed: ${(error as Error).message}`, stateUrl, { cause: error });
    }
  }, (answer) => rateLimitRefusal(answer.status, answer.headers), waits, backoff);
}

/** A state client for `stateUrl` (see createStatePoster for timeouts and 429s), sending `headers` (`--header`) too. */
export function createStateClient(stateUrl: string, timeoutMs: number, backoff: StateBackoff = DEFAULT_BACKOFF, headers: Readonly<Record<string, string>> = {}): StateClient {
  const post = createStatePoster(stateUrl, timeoutMs, backoff, headers);
  return {
    async change({ state, params }, action) {
      const label = `state change "${state}" (${action})`;
      const { status, text } = await post(JSON.stringify({ state, params, action }), label);
      if (status < 200 || status >= 300) throw new TransportError(`${label} answered ${status}: ${text.slice(0, 200)}`, stateUrl, { status });
    },
  };
}
