/**
 * The Pact state-change protocol: `POST /_pact/provider-states` with `{"state", "params", "action"}`. Each setup
 * remembers how to undo itself; a teardown with the same state and ids undoes the latest such setup.
 */
import { errorResponse, type ProviderResponse } from './http-io.js';
import type { RateLimiter } from './rate-limit.js';
import { STATE_PARAM_DEFAULTS, StateParamError, stringParam, syncDataParam, syncedEntityIdParam, vendorParam, type StateParams } from './state-params.js';
import type { Store } from './store.js';

/** A parsed state-change request. */
export interface StateChange {
  readonly state: string;
  readonly params: StateParams;
  readonly action: 'setup' | 'teardown';
}

interface Setup {
  /** The effective params (defaults filled in), returned to the verifier as provider-state values. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly undo: () => void;
}

type StateDefinition = (params: StateParams, store: Store, limiter: RateLimiter) => Setup;

/** The vocabulary of DESIGN.md, exactly. */
const definitions: Readonly<Record<string, StateDefinition>> = {
  'a customer with an integration': (params, store) => {
    const customerId = stringParam(params, 'customerId');
    const record = {
      id: stringParam(params, 'integrationId'),
      vendorIdentifier: vendorParam(params),
      syncedEntityId: syncedEntityIdParam(params),
      syncData: syncDataParam(params),
    };
    const before = store.snapshot(customerId);
    store.putIntegration(customerId, record);
    return { values: { customerId, integrationId: record.id, ...record }, undo: () => store.restore(before) };
  },
  'no customer': (params, store) => {
    const customerId = stringParam(params, 'customerId');
    const before = store.snapshot(customerId);
    store.deleteCustomer(customerId);
    return { values: { customerId }, undo: () => store.restore(before) };
  },
  'a customer without the integration': (params, store) => {
    const customerId = stringParam(params, 'customerId');
    const integrationId = stringParam(params, 'integrationId');
    const before = store.snapshot(customerId);
    store.ensureCustomer(customerId);
    store.deleteIntegration(customerId, integrationId);
    return { values: { customerId, integrationId }, undo: () => store.restore(before) };
  },
  'the API key may not access the customer': (params, store) => {
    const customerId = stringParam(params, 'customerId');
    store.deny(customerId);
    return { values: { customerId }, undo: () => store.allow(customerId) };
  },
  'the API key is rate limited': (_params, _store, limiter) => {
    limiter.force();
    return { values: {}, undo: () => limiter.release() };
  },
};

/** Every state name this provider knows. */
export const PROVIDER_STATES: readonly string[] = Object.keys(definitions);

/** Checks the shape of a state-change body; `action` defaults to setup, `params` to `{}`. */
export function parseStateChange(body: unknown): StateChange | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'state change must be a JSON object';
  const { state, params = {}, action = 'setup' } = body as Record<string, unknown>;
  if (typeof state !== 'string') return '"state" must be a string naming a provider state';
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return '"params" must be a JSON object';
  if (action !== 'setup' && action !== 'teardown') return '"action" must be "setup" or "teardown"';
  return { state, params: params as StateParams, action };
}

/** The provider's states: applies changes to the store and limiter, and remembers how to undo them. */
export class ProviderStates {
  readonly #undo = new Map<string, (() => void)[]>();

  constructor(
    private readonly store: Store,
    private readonly limiter: RateLimiter,
  ) {}

  /** Applies one change; 200 with the effective params, or 400 for an unknown state or bad params. */
  apply(change: StateChange): ProviderResponse {
    const definition = Object.hasOwn(definitions, change.state) ? definitions[change.state] : undefined;
    if (!definition) {
      const known = PROVIDER_STATES.map((name) => JSON.stringify(name)).join(', ');
      return errorResponse(400, 'BadUserInput', `unknown provider state ${JSON.stringify(change.state)}; known states: ${known}`);
    }
    try {
      return change.action === 'setup' ? this.#setup(change, definition) : this.#teardown(change);
    } catch (error) {
      if (error instanceof StateParamError) return errorResponse(400, 'BadUserInput', `state ${JSON.stringify(change.state)}: ${error.message}`);
      throw error;
    }
  }

  /** Forgets every pending undo (the store and limiter are reset by their owner). */
  reset(): void {
    this.#undo.clear();
  }

  #setup(change: StateChange, definition: StateDefinition): ProviderResponse {
    const setup = definition(change.params, this.store, this.limiter);
    const key = undoKey(change);
    this.#undo.set(key, [...(this.#undo.get(key) ?? []), setup.undo]);
    return { status: 200, body: setup.values };
  }

  #teardown(change: StateChange): ProviderResponse {
    const key = undoKey(change);
    const pending = this.#undo.get(key) ?? [];
    const undo = pending.pop();
    if (pending.length === 0) this.#undo.delete(key);
    undo?.();
    return { status: 200, body: { tornDown: undo !== undefined } };
  }
}

/** Setups and teardowns pair up by state name and the ids they name (defaults applied), not by the other params. */
function undoKey(change: StateChange): string {
  const ids = (['customerId', 'integrationId'] as const).map((name) => {
    const value = change.params[name];
    return typeof value === 'string' && value !== '' ? value : STATE_PARAM_DEFAULTS[name];
  });
  return JSON.stringify([change.state, ...ids]);
}
