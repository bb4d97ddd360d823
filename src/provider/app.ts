/** The reference provider without its HTTP server: the store, the rate limiter, the states and the routes, wired. */
import { createOperationHandler } from './handler.js';
import { RateLimiter, type Clock } from './rate-limit.js';
import { createRouter, createStateChangeHandler, type RequestHandler } from './router.js';
import { SEED, type SeedCustomer } from './seed.js';
import { ProviderStates } from './states.js';
import { Store } from './store.js';

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export interface ReferenceAppOptions {
  /** The one API key the provider accepts in `X-API-KEY`. */
  readonly apiKey: string;
  /** Requests per second per key (token bucket, burst = max(1, rate)); unlimited when left out. */
  readonly rateLimitPerSecond?: number;
  /** Request bodies above this many bytes get 400; default 64 KiB. */
  readonly bodyLimitBytes?: number;
  /** Clock for the rate limiter, in ms (tests move it instead of sleeping); default Date.now. */
  readonly clock?: Clock;
  /** Data to start from (and to go back to on reset); default SEED. */
  readonly seed?: readonly SeedCustomer[];
}

/** The provider without its HTTP server: the whole request handler, its data, and a reset. */
export interface ReferenceApp {
  readonly handler: RequestHandler;
  readonly store: Store;
  reset(): void;
}

/** Wires the store, the rate limiter, the states and the routes: what `startReferenceProvider` serves over HTTP. */
export function createReferenceApp(options: ReferenceAppOptions): ReferenceApp {
  const { apiKey, rateLimitPerSecond, bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES } = options;
  const store = new Store(options.seed ?? SEED);
  const limiter = new RateLimiter(rateLimitPerSecond, options.clock);
  const states = new ProviderStates(store, limiter);
  const handler = createRouter({
    operation: createOperationHandler({ store, limiter, apiKey, bodyLimitBytes }),
    stateChange: createStateChangeHandler(states, bodyLimitBytes),
  });
  return {
    handler,
    store,
    reset() {
      store.reset();
      limiter.reset();
      states.reset();
    },
  };
}

