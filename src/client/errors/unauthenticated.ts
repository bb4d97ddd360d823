import { StiggApiError } from './api-error.js';

/** 401: no API key, or one the API does not know. */
export class UnauthenticatedError extends StiggApiError {
  override readonly name = 'UnauthenticatedError';
}
