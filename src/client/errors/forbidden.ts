import { StiggApiError } from './api-error.js';

/** 403: the API key may not access this resource. */
export class ForbiddenError extends StiggApiError {
  override readonly name = 'ForbiddenError';
}
