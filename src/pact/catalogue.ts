/**
 * The interaction catalogue: one entry per documented behaviour of the operation, the single source of the pact's
 * states, requests and example responses. Matchers are not written here: src/pact/interaction.ts derives them from
 * the contract's schemas, so the examples below pin nothing but what `exact` names.
 */
import { buildPath } from '../contract/path.js';
import { OPERATION, type SyncData, type UpdateIntegrationBody } from '../client/index.js';
import { BAD_INPUT_CODE, BAD_INPUT_STATUS, FORBIDDEN_CODE, FORBIDDEN_STATUS, NOT_FOUND_CODES, NOT_FOUND_STATUS, RATE_LIMITED_CODE, RATE_LIMITED_STATUS, UNAUTHENTICATED_CODE, UNAUTHENTICATED_STATUS } from '../checks/documented.js';
import { contractFacts } from '../checks/facts.js';
import { isJsonObject } from '../contract/json.js';
import type { OperationContract } from '../validators/index.js';
import { STATE, type ProviderState } from './state-names.js';

/** The API key the pact shows; the real one is matched by type and never written (providers inject theirs). */
export const FAKE_API_KEY = 'fake-api-key-for-pact';

/** A JSON value, as pact bodies hold them. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** The request of an interaction, as the client sends it. */
export interface CatalogueRequest {
  readonly method: typeof OPERATION.method;
  /** The decoded path parameters, by the contract's names. */
  readonly params: { readonly id: string; readonly integrationId: string };
  /** The path as sent: each segment percent-encoded as the client encodes it. */
  readonly path: string;
  /** `valid`: the provider's key is sent (the pact shows FAKE_API_KEY); `missing`: no key header at all. */
  readonly key: 'valid' | 'missing';
  /** Further headers by the contract's names (X-ACCOUNT-ID, X-ENVIRONMENT-ID), besides the key and Content-Type. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: UpdateIntegrationBody;
  /** False for negative tests: the contract rejects this request, and the documented error status is expected. */
  readonly valid: boolean;
}

/** The documented response an interaction expects. */
export interface CatalogueResponse {
  readonly status: number;
  readonly body: JsonValue;
  /** JSON pointers into `body` kept exact in the pact: what identifies the behaviour (a 404's `code`). */
  readonly exact: readonly string[];
}

/** One documented behaviour. */
export interface CatalogueEntry {
  /** Stable short id, for tests and runners (`update-billing`, `customer-not-found`, ...). */
  readonly id: string;
  /** The interaction's description in the pact (unique). */
  readonly description: string;
  readonly state: ProviderState;
  readonly request: CatalogueRequest;
  readonly response: CatalogueResponse;
}

const CUSTOMER = 'acme-corp';
const INTEGRATION = 'int-stripe-main';

type RequestInput = Partial<Omit<CatalogueRequest, 'method' | 'path' | 'params'>> & { readonly id?: string; readonly integrationId?: string };

function request(input: RequestInput = {}): CatalogueRequest {
  const params = { id: input.id ?? CUSTOMER, integrationId: input.integrationId ?? INTEGRATION };
  return {
    method: OPERATION.method,
    params,
    path: buildPath(OPERATION.pathTemplate, params),
    key: input.key ?? 'valid',
    headers: input.headers ?? {},
    body: input.body ?? { syncedEntityId: 'cus_NffrFeUfNV2Hib' },
    valid: input.valid ?? true,
  };
}

/** A 200 entry: the state holds the integration as it was; the response shows it with the new syncedEntityId. */
function updated(id: string, description: string, record: { vendorIdentifier: string; syncData: SyncData | null; customerId?: string }, input: RequestInput = {}): CatalogueEntry {
  const req = request({ ...input, ...(record.customerId === undefined ? {} : { id: record.customerId }) });
  const params = { customerId: req.params.id, integrationId: req.params.integrationId, vendorIdentifier: record.vendorIdentifier, syncedEntityId: 'cus_previous', syncData: record.syncData };
  // syncData is optional in the 200 schema: an integration without it may come back with null or without the key,
  // and a pact cannot admit an absent key, so the example leaves it out (a provider's null still matches).
  const data = { id: req.params.integrationId, vendorIdentifier: record.vendorIdentifier, syncedEntityId: req.body.syncedEntityId, ...(record.syncData === null ? {} : { syncData: record.syncData }) };
  return { id, description, state: { name: STATE.withIntegration, params }, request: req, response: { status: 200, body: { data }, exact: [] } };
}

function failed(status: number, code: string, message: string, exact: readonly string[] = []): CatalogueResponse {
  return { status, body: { message, code }, exact };
}

const withIntegration = (customerId = CUSTOMER): ProviderState => ({
  name: STATE.withIntegration,
  params: { customerId, integrationId: INTEGRATION, vendorIdentifier: 'STRIPE', syncedEntityId: 'cus_previous', syncData: null },
});

const catalogues = new WeakMap<OperationContract, readonly CatalogueEntry[]>();

/** The update field's maximum length, as the request body's schema says. */
function updateFieldLimit(contract: OperationContract): number {
  const field = contract.operation.requestBody?.schema?.['properties'];
  const schema = isJsonObject(field) ? field['syncedEntityId'] : undefined;
  const limit = isJsonObject(schema) ? schema['maxLength'] : undefined;
  if (typeof limit !== 'number') throw new Error('the contract gives syncedEntityId no maxLength: the catalogue has no over-long case to pin');
  return limit;
}

/** `preferred` when the status' error enum documents it, else the enum's first member (an example kept loose). */
function documentedCode(contract: OperationContract, status: number, preferred: string): string {
  const codes = contractFacts(contract).errorCodes(status, 'strict')?.filter((member): member is string => typeof member === 'string') ?? [];
  const code = codes.includes(preferred) ? preferred : codes[0];
  if (code === undefined) throw new Error(`the contract documents no ${status} code`);
  return code;
}

/**
 * Every documented behaviour, in a fixed order (the pact file lists interactions sorted by description). Statuses and
 * codes are the documented constants, limits and enum members come from the contract; built once per contract.
 */
export function catalogue(contract: OperationContract): readonly CatalogueEntry[] {
  const known = catalogues.get(contract);
  if (known) return known;
  const limit = updateFieldLimit(contract);
  const forbiddenCode = documentedCode(contract, FORBIDDEN_STATUS, FORBIDDEN_CODE);
  const entries: readonly CatalogueEntry[] = [
  updated('update-price-billing', 'an update of an integration whose sync data is price billing',
    { vendorIdentifier: 'STRIPE', syncData: { billingId: 'cus_NffrFeUfNV2Hib', billingLinkUrl: 'https://dashboard.stripe.com/customers/cus_NffrFeUfNV2Hib', priceGroupPackageBillingId: 'prod_PGP1' } }),
  updated('update-billing', 'an update of an integration whose sync data is billing, sent with account and environment headers',
    { vendorIdentifier: 'ZUORA', syncData: { billingId: 'A00000042', billingLinkUrl: 'https://www.zuora.com/apps/CustomerAccount.do?id=A00000042' } },
    { integrationId: 'int-zuora', headers: { 'X-ACCOUNT-ID': 'account-1', 'X-ENVIRONMENT-ID': 'env-production' }, body: { syncedEntityId: 'A00000042' } }),
  updated('update-marketplace', 'an update of an integration whose sync data is marketplace, for a customer slug that needs percent-encoding',
    { vendorIdentifier: 'AWS_MARKETPLACE', syncData: { dimensions: 'seats,api-calls' }, customerId: 'acme|eu@1.0' },
    { integrationId: 'int-aws', body: { syncedEntityId: 'aws-customer-7' } }),
  updated('update-no-sync-data', 'an update of an integration without sync data', { vendorIdentifier: 'HUBSPOT', syncData: null },
    { integrationId: 'int-hubspot', body: { syncedEntityId: 'hubspot-company-9' } }),
  updated('unlink', 'an update that unlinks the synced entity (syncedEntityId null)', { vendorIdentifier: 'STRIPE', syncData: { billingId: 'cus_1', billingLinkUrl: 'https://dashboard.stripe.com/customers/cus_1' } },
    { body: { syncedEntityId: null } }),
  { id: 'bad-body', description: 'an update whose syncedEntityId is longer than 255 characters', state: withIntegration(),
    request: request({ body: { syncedEntityId: 'x'.repeat(limit + 1) }, valid: false }), response: failed(BAD_INPUT_STATUS, BAD_INPUT_CODE, `syncedEntityId must be at most ${limit} characters`) },
  // The state holds valid data only: a provider's state handler may rightly refuse a slug the contract forbids.
  { id: 'bad-slug', description: 'an update for a customer slug that breaks the slug pattern', state: withIntegration(),
    request: request({ id: '-acme', valid: false }), response: failed(BAD_INPUT_STATUS, BAD_INPUT_CODE, 'id must match the customer slug pattern') },
  { id: 'no-key', description: 'an update without an API key', state: withIntegration(),
    request: request({ key: 'missing', valid: false }), response: failed(UNAUTHENTICATED_STATUS, UNAUTHENTICATED_CODE, 'API key is missing', ['/code']) },
  { id: 'forbidden', description: 'an update of a customer the API key may not access', state: { name: STATE.forbidden, params: { customerId: CUSTOMER } },
    request: request(), response: failed(FORBIDDEN_STATUS, forbiddenCode, 'access denied') },
  { id: 'customer-not-found', description: 'an update for a customer that does not exist', state: { name: STATE.noCustomer, params: { customerId: 'ghost-customer' } },
    request: request({ id: 'ghost-customer' }), response: failed(NOT_FOUND_STATUS, NOT_FOUND_CODES.customer, 'customer not found', ['/code']) },
  { id: 'integration-not-found', description: 'an update of an integration the customer does not have',
    state: { name: STATE.withoutIntegration, params: { customerId: CUSTOMER, integrationId: 'int-missing' } },
    request: request({ integrationId: 'int-missing' }), response: failed(NOT_FOUND_STATUS, NOT_FOUND_CODES.integration, 'integration not found', ['/code']) },
  { id: 'rate-limited', description: 'an update while the API key is rate limited', state: { name: STATE.rateLimited, params: {} },
    request: request(), response: failed(RATE_LIMITED_STATUS, RATE_LIMITED_CODE, 'too many requests', ['/code']) },
];
  catalogues.set(contract, entries);
  return entries;
}
