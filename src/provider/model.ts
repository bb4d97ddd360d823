/** The provider's own data model of a customer integration, written from the documented contract by hand. */

/** Every documented `vendorIdentifier`, in the contract's order. */
export const VENDOR_IDENTIFIERS = [
  'AUTH0',
  'ZUORA',
  'STRIPE',
  'HUBSPOT',
  'AWS_MARKETPLACE',
  'SNOWFLAKE',
  'SALESFORCE',
  'BIG_QUERY',
  'OPEN_FGA',
  'APP_STORE',
  'RECEIVED',
  'PREQUEL',
] as const;

export type VendorIdentifier = (typeof VENDOR_IDENTIFIERS)[number];

/** `SyncRevisionPriceBillingData`. */
export interface PriceBillingSyncData {
  readonly billingId: string;
  readonly billingLinkUrl: string;
  readonly priceGroupPackageBillingId: string;
}

/** `SyncRevisionBillingData`. */
export interface BillingSyncData {
  readonly billingId: string;
  readonly billingLinkUrl: string;
}

/** `SyncRevisionMarketplaceData`. */
export interface MarketplaceSyncData {
  readonly dimensions: string;
}

export type SyncData = PriceBillingSyncData | BillingSyncData | MarketplaceSyncData;

/** One integration of one customer; records are immutable, so an update replaces the whole record at once. */
export interface IntegrationRecord {
  readonly id: string;
  readonly vendorIdentifier: VendorIdentifier;
  readonly syncedEntityId: string | null;
  /** `null` when the integration has no sync data; the response always carries the key (the contract allows null). */
  readonly syncData: SyncData | null;
}

/** A customer and its integrations, keyed by integration id. */
export interface CustomerRecord {
  readonly id: string;
  readonly integrations: ReadonlyMap<string, IntegrationRecord>;
}

/** Whether a string is a documented vendor identifier. */
export function isVendorIdentifier(value: unknown): value is VendorIdentifier {
  return typeof value === 'string' && (VENDOR_IDENTIFIERS as readonly string[]).includes(value);
}

/** Length in Unicode code points, the unit of every documented `maxLength` (255 emoji are 255, not 510). */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/** The first `max` code points of a value, with an ellipsis when cut; for error messages. */
export function cutShort(value: string, max = 40): string {
  const points = Array.from(value);
  return points.length <= max ? value : `${points.slice(0, max).join('')}…`;
}
