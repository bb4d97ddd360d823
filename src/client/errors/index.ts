/** The client's error classes, and which documented status each one stands for. */
import type { ApiErrorDetails, StiggApiError } from './api-error.js';
import { BadInputError } from './bad-input.js';
import { ForbiddenError } from './forbidden.js';
import { NotFoundError } from './not-found.js';
import { UnauthenticatedError } from './unauthenticated.js';

export { StiggClientError } from './stigg-client-error.js';
export { StiggApiError, type ApiErrorDetails } from './api-error.js';
export { BadInputError } from './bad-input.js';
export { UnauthenticatedError } from './unauthenticated.js';
export { ForbiddenError } from './forbidden.js';
export { NotFoundError } from './not-found.js';
export { RateLimitedError } from './rate-limited.js';
export { UnexpectedResponseError } from './unexpected-response.js';
export { StiggTransportError } from './transport.js';
export { ContractViolationError } from './contract-violation.js';

/** The documented error statuses whose error carries nothing beyond the body (429 also reads Retry-After). */
export const ERROR_BY_STATUS: Readonly<Record<number, new (details: ApiErrorDetails) => StiggApiError>> = {
  400: BadInputError,
  401: UnauthenticatedError,
  403: ForbiddenError,
  404: NotFoundError,
};
