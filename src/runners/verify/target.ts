/** The provider under test: a URL given by the user, or the reference provider started in-process. */
import { randomBytes } from 'node:crypto';
import { ConfigurationError, TransportError } from '../../errors.js';
import { buildPath } from '../../contract/path.js';
import { startReferenceProvider } from '../../provider/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { Transport, WireRequest } from './transport.js';
import { checkProviderUrl } from './urls.js';
import { API_KEY_ENV } from '../../secrets.js';

export interface Target {
  readonly baseUrl: string;
  readonly stateUrl?: string;
  readonly apiKey: string;
  readonly embedded: boolean;
  close(): Promise<void>;
}

/** Starts the embedded reference provider with a fresh random key, or describes the external one. */
export async function openTarget(options: { baseUrl?: string; apiKey?: string; stateUrl?: string }): Promise<Target> {
  if (options.baseUrl === undefined) {
    const apiKey = options.apiKey ?? randomBytes(18).toString('base64url');
    const provider = await startReferenceProvider({ apiKey });
    return { baseUrl: provider.url, stateUrl: options.stateUrl ?? provider.stateUrl, apiKey, embedded: true, close: () => provider.close() };
  }
  checkProviderUrl(options.baseUrl, 'the base URL (--base-url, baseUrl)');
  if (options.stateUrl !== undefined) checkProviderUrl(options.stateUrl, 'the state URL (--state-url, stateUrl)');
  if (!options.apiKey) throw new ConfigurationError(`an API key is needed to verify a provider: the apiKey option (--api-key) or ${API_KEY_ENV}`);
  return { baseUrl: options.baseUrl, ...(options.stateUrl ? { stateUrl: options.stateUrl } : {}), apiKey: options.apiKey, embedded: false, close: async () => undefined };
}

/** A plain request without a key: whatever status it gets, an HTTP answer means the provider is there. */
function plainRequest(contract: OperationContract): WireRequest {
  const params = Object.fromEntries(contract.operation.pathParams.map((p) => [p.name, 'stigg-contract-probe']));
  return { method: contract.operation.method, path: buildPath(contract.operation.pathTemplate, params), headers: {}, body: undefined };
}

/**
 * Sends the plain request: an HTTP answer of any status (a body over the cap included) means the provider is there;
 * a refused or reset connection, or no answer within the deadline twice in a row, ends the run before it starts
 * (exit 2). One more try after a timeout: a provider's first answer may be slow (a cold start, a busy CI machine).
 */
export async function probe(contract: OperationContract, transport: Transport, baseUrl: string): Promise<void> {
  const first = await transport.send(plainRequest(contract));
  const outcome = 'error' in first && first.error === 'timeout' ? await transport.send(plainRequest(contract)) : first;
  if (!('error' in outcome) || outcome.error === 'too-large' || outcome.error === 'protocol') return;
  // Headers that came is a provider that is there: what failed is its body, and the run cannot go on at this deadline.
  if (outcome.headersAfterMs !== undefined) throw new TransportError(`provider too slow at ${baseUrl}: ${outcome.message}; raise timeoutMs (--timeout) or fix the provider`, baseUrl);
  const why = outcome.error === 'timeout' ? `no answer (${outcome.message})` : `${outcome.error} (${outcome.message})`;
  throw new TransportError(`provider unreachable at ${baseUrl}: ${why}`, baseUrl);
}

/** Whether the provider still answers the plain request at all (any HTTP answer). */
export async function stillAnswers(contract: OperationContract, transport: Transport): Promise<boolean> {
  const outcome = await transport.send(plainRequest(contract));
  return !('error' in outcome) || outcome.error === 'too-large' || outcome.error === 'protocol';
}
