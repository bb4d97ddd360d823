/** The data the reference provider starts with: every vendor identifier and every syncData shape, ready to PATCH. */
import type { IntegrationRecord } from './model.js';

/** One seeded customer: its slug, its integrations, and whether the provider's API key may access it. */
export interface SeedCustomer {
  readonly id: string;
  readonly integrations: readonly IntegrationRecord[];
  /** `false` for a customer of another tenant: the configured key gets 403 for it. */
  readonly accessible: boolean;
}

/** A customer slug using every legal slug character: letters of both cases, digits, `_`, `|`, `.`, `@` and `-`. */
export const EVERY_SLUG_CHARACTER_CUSTOMER = 'Acme_Corp|eu.west@prod-01';

/** The seed. Integration ids are unique per customer; one (`hubspot/crm 1 ✓`) needs percent-encoding in a URL. */
export const SEED: readonly SeedCustomer[] = [
  {
    id: EVERY_SLUG_CHARACTER_CUSTOMER,
    accessible: true,
    integrations: [
      {
        id: 'int-stripe-01',
        vendorIdentifier: 'STRIPE',
        syncedEntityId: 'cus_NffrFeUfNV2Hib',
        syncData: {
          billingId: 'price_1MoBy5LkdIwHu7ixZhnattbh',
          billingLinkUrl: 'https://dashboard.stripe.com/prices/price_1MoBy5LkdIwHu7ixZhnattbh',
          priceGroupPackageBillingId: 'prod_NWjs8kKbJWmuuc',
        },
      },
      {
        id: 'int-zuora-01',
        vendorIdentifier: 'ZUORA',
        syncedEntityId: 'A00000001',
        syncData: { billingId: '8ad09be48db5aba7018db604fa7c1e5b', billingLinkUrl: 'https://www.zuora.com/platform/A00000001' },
      },
      {
        id: 'int-aws-01',
        vendorIdentifier: 'AWS_MARKETPLACE',
        syncedEntityId: 'aws-customer-7f3a',
        syncData: { dimensions: 'seats,api_calls' },
      },
      { id: 'int-auth0-01', vendorIdentifier: 'AUTH0', syncedEntityId: 'auth0|64f1c2a9e1', syncData: null },
      { id: 'hubspot/crm 1 ✓', vendorIdentifier: 'HUBSPOT', syncedEntityId: '5301', syncData: null },
      { id: 'int-salesforce-01', vendorIdentifier: 'SALESFORCE', syncedEntityId: null, syncData: null },
    ],
  },
  {
    id: 'globex',
    accessible: true,
    integrations: [
      { id: 'int-snowflake-01', vendorIdentifier: 'SNOWFLAKE', syncedEntityId: 'GLOBEX_DB.PUBLIC', syncData: null },
      { id: 'int-bigquery-01', vendorIdentifier: 'BIG_QUERY', syncedEntityId: 'globex-analytics', syncData: null },
      { id: 'int-openfga-01', vendorIdentifier: 'OPEN_FGA', syncedEntityId: null, syncData: null },
      {
        id: 'int-appstore-01',
        vendorIdentifier: 'APP_STORE',
        syncedEntityId: '1000000123456789',
        syncData: { billingId: 'com.globex.pro.monthly', billingLinkUrl: 'https://apps.apple.com/app/id1234567890' },
      },
      { id: 'int-received-01', vendorIdentifier: 'RECEIVED', syncedEntityId: 'rcv-42', syncData: null },
      { id: 'int-prequel-01', vendorIdentifier: 'PREQUEL', syncedEntityId: 'prequel-dest-9', syncData: null },
    ],
  },
  /** A customer with no integrations, so every integration id gives 404 IntegrationNotFound. */
  { id: 'initech', accessible: true, integrations: [] },
  /** Another tenant's customer: the configured key gets 403 AccessDeniedError. */
  {
    id: 'umbrella-restricted',
    accessible: false,
    integrations: [{ id: 'int-stripe-01', vendorIdentifier: 'STRIPE', syncedEntityId: 'cus_umbrella', syncData: null }],
  },
];

/** Every seeded (customerId, integrationId) pair the configured key may PATCH, as `--fixture` takes them. */
export const SEED_FIXTURES: readonly { readonly customerId: string; readonly integrationId: string }[] = SEED.filter(
  (customer) => customer.accessible,
).flatMap((customer) => customer.integrations.map((integration) => ({ customerId: customer.id, integrationId: integration.id })));
