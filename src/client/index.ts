/** The client layer's public surface: the typed client, its options, results and errors. */
export { StiggIntegrationsClient } from './client.js';
export { OPERATION } from './operation.js';
export { DEFAULT_TIMEOUT_MS, type ClientOptions } from './options.js';
export type { ApiErrorBody, CustomerIntegration, SyncData, UpdateIntegrationBody } from './types.js';
export {
  StiggClientError, StiggApiError, BadInputError, UnauthenticatedError, ForbiddenError, NotFoundError, RateLimitedError,
  UnexpectedResponseError, StiggTransportError, ContractViolationError, type ApiErrorDetails,
} from './errors/index.js';
