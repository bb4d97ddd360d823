import { StiggApiError } from './api-error.js';

/** 404: the customer or the integration does not exist; `code` says which (CustomerNotFound, IntegrationNotFound, ...). */
export class NotFoundError extends StiggApiError {
  override readonly name = 'NotFoundError';
}
