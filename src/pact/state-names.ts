/** The provider-state vocabulary of DESIGN.md, with the params each state takes. */
import type { SyncData } from '../client/index.js';

/** The state names, exactly as providers receive them in `{"state": NAME, ...}`. */
export const STATE = {
  withIntegration: 'a customer with an integration',
  noCustomer: 'no customer',
  withoutIntegration: 'a customer without the integration',
  forbidden: 'the API key may not access the customer',
  rateLimited: 'the API key is rate limited',
} as const;

/** One of the state names. */
export type StateName = (typeof STATE)[keyof typeof STATE];

/** A state with its params, as a pact interaction's `given` carries it. */
export type ProviderState =
  | { readonly name: typeof STATE.withIntegration; readonly params: { readonly customerId: string; readonly integrationId: string; readonly vendorIdentifier: string; readonly syncedEntityId: string | null; readonly syncData: SyncData | null } }
  | { readonly name: typeof STATE.noCustomer; readonly params: { readonly customerId: string } }
  | { readonly name: typeof STATE.withoutIntegration; readonly params: { readonly customerId: string; readonly integrationId: string } }
  | { readonly name: typeof STATE.forbidden; readonly params: { readonly customerId: string } }
  | { readonly name: typeof STATE.rateLimited; readonly params: Readonly<Record<string, never>> };
