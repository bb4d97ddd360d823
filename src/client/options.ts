import type { Dispatcher } from 'undici';
import type { OperationContract } from '../validators/index.js';
import { API_KEY_ENV } from '../secrets.js';

/** How to reach and authenticate against the Stigg API. */
export interface ClientOptions {
  /** Scheme, host and optional base path, e.g. `https://api.stigg.io`. */
  readonly baseUrl: string;
  /** The server API key; defaults to env STIGG_API_KEY. `null` sends no key at all. */
  readonly apiKey?: string | null;
  /** Sent as X-ACCOUNT-ID (used with user JWTs; ignored for API-key auth). */
  readonly accountId?: string;
  /** Sent as X-ENVIRONMENT-ID (used with user JWTs; ignored for API-key auth). */
  readonly environmentId?: string;
  /** Whole-request deadline in milliseconds (default 30 000). */
  readonly timeoutMs?: number;
  /** When given, every response is validated; an intent violation throws ContractViolationError. */
  readonly validateResponses?: OperationContract;
  /** Environment to read STIGG_API_KEY from (default `process.env`), for tests and embedders. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The undici dispatcher to send through (default: undici's global one), e.g. a ProxyAgent or a per-test Agent. */
  readonly dispatcher?: Dispatcher;
}

/** Options with defaults applied and checked once, in the constructor. */
export interface ResolvedOptions {
  readonly baseUrl: URL;
  readonly apiKey: string | undefined;
  readonly accountId: string | undefined;
  readonly environmentId: string | undefined;
  readonly timeoutMs: number;
  readonly contract: OperationContract | undefined;
  readonly dispatcher: Dispatcher | undefined;
}

/** The request deadline when `timeoutMs` is not given. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Applies defaults and rejects unusable options (a TypeError names the option, never the key's value). */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  let baseUrl: URL;
  try {
    baseUrl = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`baseUrl is not an absolute URL: ${JSON.stringify(options.baseUrl)}`);
  }
  if (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') throw new TypeError(`baseUrl must be http(s), not ${baseUrl.protocol}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError(`timeoutMs must be a positive number, not ${timeoutMs}`);
  const fromEnv = (options.env ?? process.env)[API_KEY_ENV];
  const apiKey = options.apiKey === null ? undefined : (options.apiKey ?? fromEnv);
  return {
    baseUrl,
    apiKey: apiKey === '' ? undefined : apiKey,
    accountId: options.accountId,
    environmentId: options.environmentId,
    timeoutMs,
    contract: options.validateResponses,
    dispatcher: options.dispatcher,
  };
}
