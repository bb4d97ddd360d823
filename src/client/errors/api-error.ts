import { StiggClientError } from './stigg-client-error.js';

/** What the API said, already redacted of the API key. */
export interface ApiErrorDetails {
  /** `PATCH /api/v1/customers/.../integrations/...`, for messages. */
  readonly request: string;
  readonly status: number;
  /** The body's `code`, or null when absent. */
  readonly code: string | null;
  /** The body's `message`, or the raw body text cut short. */
  readonly serverMessage: string;
  /** The parsed body (or its text when not JSON). */
  readonly body: unknown;
}

/** The API answered with an error status. Subclasses name the documented ones. */
export class StiggApiError extends StiggClientError {
  override readonly name: string = 'StiggApiError';
  readonly status: number;
  readonly code: string | null;
  readonly serverMessage: string;
  readonly body: unknown;

  constructor(details: ApiErrorDetails) {
    super(`${details.request} → ${details.status}${details.code === null ? '' : ` ${details.code}`}: ${details.serverMessage}`);
    this.status = details.status;
    this.code = details.code;
    this.serverMessage = details.serverMessage;
    this.body = details.body;
  }
}
