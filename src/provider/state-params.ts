/** Reading the params of a provider-state change: types checked, documented defaults filled in. */
import { codePointLength, isVendorIdentifier, VENDOR_IDENTIFIERS, type SyncData, type VendorIdentifier } from './model.js';

/** Defaults for params a state change leaves out (documented in docs/provider.md). */
export const STATE_PARAM_DEFAULTS = {
  customerId: 'pact-customer',
  integrationId: 'pact-integration',
  vendorIdentifier: 'STRIPE',
  syncedEntityId: null,
  syncData: null,
} as const satisfies {
  customerId: string;
  integrationId: string;
  vendorIdentifier: VendorIdentifier;
  syncedEntityId: string | null;
  syncData: SyncData | null;
};

/** Thrown (and turned into a 400 by the state endpoint) when a param has the wrong type or value. */
export class StateParamError extends Error {
  override readonly name = 'StateParamError';
}

export type StateParams = Readonly<Record<string, unknown>>;

/** A string param: absent or null → the default; otherwise any non-empty string (not checked against the slug rules). */
export function stringParam(params: StateParams, name: 'customerId' | 'integrationId'): string {
  const value = params[name];
  if (value === undefined || value === null) return STATE_PARAM_DEFAULTS[name];
  if (typeof value !== 'string' || value === '') throw new StateParamError(`param "${name}" must be a non-empty string`);
  return value;
}

export function vendorParam(params: StateParams): VendorIdentifier {
  const value = params['vendorIdentifier'];
  if (value === undefined || value === null) return STATE_PARAM_DEFAULTS.vendorIdentifier;
  if (!isVendorIdentifier(value)) throw new StateParamError(`param "vendorIdentifier" must be one of ${VENDOR_IDENTIFIERS.join(', ')}`);
  return value;
}

export function syncedEntityIdParam(params: StateParams): string | null {
  const value = params['syncedEntityId'];
  if (value === undefined || value === null) return STATE_PARAM_DEFAULTS.syncedEntityId;
  if (!isShortString(value)) throw new StateParamError('param "syncedEntityId" must be null or a string of at most 255 code points');
  return value;
}

const syncDataShapes: readonly (readonly string[])[] = [
  ['billingId', 'billingLinkUrl', 'priceGroupPackageBillingId'],
  ['billingId', 'billingLinkUrl'],
  ['dimensions'],
];

/** null, or an object with the required keys of one documented syncData shape, each a string ≤ 255 code points. */
export function syncDataParam(params: StateParams): SyncData | null {
  const value = params['syncData'];
  if (value === undefined || value === null) return STATE_PARAM_DEFAULTS.syncData;
  const shapeOk =
    typeof value === 'object' &&
    !Array.isArray(value) &&
    syncDataShapes.some((keys) => keys.every((key) => isShortString((value as Record<string, unknown>)[key])));
  if (!shapeOk) {
    throw new StateParamError(
      'param "syncData" must be null or one of {billingId, billingLinkUrl, priceGroupPackageBillingId}, ' +
        '{billingId, billingLinkUrl}, {dimensions}, with string values of at most 255 code points',
    );
  }
  return structuredClone(value) as SyncData;
}

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && codePointLength(value) <= 255;
}
