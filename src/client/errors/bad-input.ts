import { StiggApiError } from './api-error.js';

/** 400: the request was rejected as bad input (body or path parameters). */
export class BadInputError extends StiggApiError {
  override readonly name = 'BadInputError';
}
