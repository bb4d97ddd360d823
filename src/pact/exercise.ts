/** Drives the real client (src/client) through one catalogue entry: the consumer side of each pact interaction. */
import { Agent } from 'undici';
import { OPERATION, StiggIntegrationsClient, type CustomerIntegration } from '../client/index.js';
import type { OperationContract } from '../validators/index.js';
import type { CatalogueEntry } from './catalogue.js';

/** What the client made of the mock server's answer: the integration, or the error it threw. */
export type Outcome = { readonly ok: true; readonly value: CustomerIntegration } | { readonly ok: false; readonly error: unknown };

/** How to run the client: the contract validates every response; `env` supplies STIGG_API_KEY. */
export interface ExerciseOptions {
  readonly contract?: OperationContract;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Calls `updateIntegration` as the entry describes, against `baseUrl`, and returns the outcome (never throws). */
export async function exerciseEntry(entry: CatalogueEntry, baseUrl: string, options: ExerciseOptions = {}): Promise<Outcome> {
  const { headers, key, params, body } = entry.request;
  const accountId = headers[OPERATION.accountHeader];
  const environmentId = headers[OPERATION.environmentHeader];
  // A dispatcher of its own: each interaction has a new mock server, and a pooled keep-alive socket to an earlier
  // one on a port reused since would carry the request to a server that is not listening for it.
  const dispatcher = new Agent();
  const client = new StiggIntegrationsClient({
    baseUrl,
    dispatcher,
    // `valid`: the key comes from the environment, as it would in production; the pact shows only a fake one.
    ...(key === 'missing' ? { apiKey: null } : {}),
    ...(accountId === undefined ? {} : { accountId }),
    ...(environmentId === undefined ? {} : { environmentId }),
    ...(options.contract ? { validateResponses: options.contract } : {}),
    ...(options.env ? { env: options.env } : {}),
    timeoutMs: 5_000,
  });
  try {
    return { ok: true, value: await client.updateIntegration(params.id, params.integrationId, body) };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await dispatcher.close();
  }
}
