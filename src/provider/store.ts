/**
 * The provider's in-memory data: customers, their integrations, and which customers the API key may not access.
 * Node runs each request's check-and-update in one synchronous step and records are replaced whole, never
 * mutated, so concurrent PATCHes of one integration cannot tear or lose a record: the last write wins.
 */
import type { CustomerRecord, IntegrationRecord } from './model.js';
import type { SeedCustomer } from './seed.js';

/** What the state protocol saves before a setup, to put back on teardown. */
export interface CustomerSnapshot {
  readonly customerId: string;
  readonly customer: CustomerRecord | undefined;
}

/** Mutable store of immutable records. */
export class Store {
  readonly #customers = new Map<string, CustomerRecord>();
  /** Customer slug → how many active denials (seed or state setups) keep the key out of it. */
  readonly #denials = new Map<string, number>();

  constructor(private readonly seed: readonly SeedCustomer[]) {
    this.reset();
  }

  /** Back to the seed: every state setup and every update forgotten. */
  reset(): void {
    this.#customers.clear();
    this.#denials.clear();
    for (const customer of this.seed) {
      this.#customers.set(customer.id, freeze(customer.id, customer.integrations));
      if (!customer.accessible) this.deny(customer.id);
    }
  }

  customer(customerId: string): CustomerRecord | undefined {
    return this.#customers.get(customerId);
  }

  integration(customerId: string, integrationId: string): IntegrationRecord | undefined {
    return this.#customers.get(customerId)?.integrations.get(integrationId);
  }

  /** Creates the customer (without integrations) unless it exists. */
  ensureCustomer(customerId: string): void {
    if (!this.#customers.has(customerId)) this.#customers.set(customerId, freeze(customerId, []));
  }

  deleteCustomer(customerId: string): void {
    this.#customers.delete(customerId);
  }

  /** Inserts or replaces one integration record, creating the customer when needed. */
  putIntegration(customerId: string, record: IntegrationRecord): IntegrationRecord {
    const integrations = new Map(this.#customers.get(customerId)?.integrations);
    const frozen = Object.freeze({ ...record });
    integrations.set(record.id, frozen);
    this.#customers.set(customerId, Object.freeze({ id: customerId, integrations }));
    return frozen;
  }

  deleteIntegration(customerId: string, integrationId: string): void {
    const customer = this.#customers.get(customerId);
    if (!customer?.integrations.has(integrationId)) return;
    const integrations = new Map(customer.integrations);
    integrations.delete(integrationId);
    this.#customers.set(customerId, Object.freeze({ id: customerId, integrations }));
  }

  /**
   * The operation's write: sets `syncedEntityId` on an existing record and returns the whole new record, or
   * undefined when the customer or integration is missing. Synchronous, hence atomic.
   */
  updateSyncedEntityId(customerId: string, integrationId: string, syncedEntityId: string | null): IntegrationRecord | undefined {
    const current = this.integration(customerId, integrationId);
    return current ? this.putIntegration(customerId, { ...current, syncedEntityId }) : undefined;
  }

  snapshot(customerId: string): CustomerSnapshot {
    return { customerId, customer: this.#customers.get(customerId) };
  }

  restore(snapshot: CustomerSnapshot): void {
    if (snapshot.customer) this.#customers.set(snapshot.customerId, snapshot.customer);
    else this.#customers.delete(snapshot.customerId);
  }

  /** From now on the API key gets 403 for this customer (until a matching `allow`). */
  deny(customerId: string): void {
    this.#denials.set(customerId, (this.#denials.get(customerId) ?? 0) + 1);
  }

  /** Undoes one `deny`. */
  allow(customerId: string): void {
    const count = (this.#denials.get(customerId) ?? 0) - 1;
    if (count > 0) this.#denials.set(customerId, count);
    else this.#denials.delete(customerId);
  }

  isDenied(customerId: string): boolean {
    return this.#denials.has(customerId);
  }
}

function freeze(customerId: string, integrations: readonly IntegrationRecord[]): CustomerRecord {
  const map = new Map(integrations.map((record) => [record.id, Object.freeze({ ...record })] as const));
  return Object.freeze({ id: customerId, integrations: map });
}
