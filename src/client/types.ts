/**
 * The shapes the client hands back. Deliberately minimal: enumerations (vendor identifiers, error codes) and the
 * syncData variants are typed as plain strings and records, not copied from the contract; pass
 * `validateResponses` to hold responses to the contract at run time.
 */

/** The request body of the update: the external entity to link, or null to unlink. */
export interface UpdateIntegrationBody {
  readonly syncedEntityId: string | null;
}

/** Billing or marketplace sync data: one of the documented shapes, each a record of strings. */
export type SyncData = Readonly<Record<string, string>>;

/** The customer integration a 200 response returns (the `data` member of the body). */
export interface CustomerIntegration {
  readonly id: string;
  /** One of the contract's vendor identifiers (e.g. `STRIPE`). */
  readonly vendorIdentifier: string;
  readonly syncedEntityId: string | null;
  readonly syncData?: SyncData | null;
}

/** The error body every documented error status carries. */
export interface ApiErrorBody {
  readonly message: string;
  /** The documented code (`CustomerNotFound`, `BadUserInput`, ...), or null. */
  readonly code: string | null;
}
