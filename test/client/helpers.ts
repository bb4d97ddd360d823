/** Small helpers shared by the client tests. */
import { StiggIntegrationsClient, type ClientOptions } from '../../src/client/index.js';

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** A client for a fixture server, with a fixed test key and no dependence on the real environment. */
export function clientFor(baseUrl: string, options: Partial<ClientOptions> = {}): StiggIntegrationsClient {
  return new StiggIntegrationsClient({ baseUrl, apiKey: 'test-key-0000', env: {}, ...options });
}

/** A well-formed 200 body. */
export const OK_BODY = { data: { id: 'int-1', vendorIdentifier: 'STRIPE', syncedEntityId: 'cus_1', syncData: null } };
