/** The Pact state-change protocol, client side: POST {state, params, action} to the provider's state URL. */
import { request } from 'undici';
import { TransportError } from '../../errors.js';

export type StateAction = 'setup' | 'teardown';

export interface StateChange {
  readonly state: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Changes provider state; throws a TransportError with the provider's answer when it refuses. */
export interface StateClient {
  change(change: StateChange, action: StateAction): Promise<void>;
}

/** A state client for `stateUrl`, bounded by `timeoutMs` per call. */
export function createStateClient(stateUrl: string, timeoutMs: number): StateClient {
  return {
    async change({ state, params }, action) {
      let status: number;
      let text: string;
      try {
        const answer = await request(stateUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ state, params, action }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = answer.statusCode;
        text = await answer.body.text();
      } catch (error) {
        throw new TransportError(`state change "${state}" (${action}) failed: ${(error as Error).message}`, stateUrl, { cause: error });
      }
      if (status < 200 || status >= 300) throw new TransportError(`state change "${state}" (${action}) answered ${status}: ${text.slice(0, 200)}`, stateUrl);
    },
  };
}
