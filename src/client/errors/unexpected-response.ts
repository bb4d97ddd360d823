import { StiggApiError } from './api-error.js';

/** A status the contract does not document (5xx, 302, ...) or a 200 whose body is not the documented JSON. */
export class UnexpectedResponseError extends StiggApiError {
  override readonly name = 'UnexpectedResponseError';
}
