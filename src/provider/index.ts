/**
 * The reference provider: a real implementation of PATCH /api/v1/customers/{id}/integrations/{integrationId},
 * written from the documented rules and importing nothing from the harness. Every public export, by name.
 */
export { startReferenceProvider, type ReferenceProvider, type ReferenceProviderOptions } from './server.js';
export { createReferenceApp, DEFAULT_BODY_LIMIT_BYTES, type ReferenceApp, type ReferenceAppOptions } from './app.js';
export { createRouter, createStateChangeHandler, notFoundRoute, type RequestHandler } from './router.js';
export { createOperationHandler, applyUpdate, integrationResponse, readUpdateBody, type OperationDeps, type OperationHandler } from './handler.js';
export { authenticate, authorize, limitRate, FORBIDDEN_CODE } from './auth.js';
export { errorResponse, badInput, writeResponse, readBodyText, JSON_CONTENT_TYPE, type ProviderResponse } from './http-io.js';
export { ProviderStates, PROVIDER_STATES, parseStateChange, type StateChange } from './states.js';
export { STATE_PARAM_DEFAULTS } from './state-params.js';
export { RateLimiter, TokenBucket, FORCED_RETRY_AFTER_SECONDS, type Clock, type RateDecision } from './rate-limit.js';
export { Store, type CustomerSnapshot } from './store.js';
export { SEED, SEED_FIXTURES, EVERY_SLUG_CHARACTER_CUSTOMER, type SeedCustomer } from './seed.js';
export { OPERATION_PATH_TEMPLATE, STATE_CHANGE_PATH, percentDecode, matchOperationPath, pathnameOf } from './path.js';
export {
  checkContentType,
  checkCustomerId,
  checkIntegrationId,
  checkPathParams,
  checkUpdateBody,
  MAX_LENGTH,
  SLUG_PATTERN,
  type InputIssue,
  type UpdateIntegrationBody,
} from './validate-input.js';
export {
  VENDOR_IDENTIFIERS,
  codePointLength,
  type VendorIdentifier,
  type SyncData,
  type PriceBillingSyncData,
  type BillingSyncData,
  type MarketplaceSyncData,
  type IntegrationRecord,
  type CustomerRecord,
} from './model.js';
