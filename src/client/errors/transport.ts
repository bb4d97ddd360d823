import type { CauseOptions } from '../../errors.js';
import { StiggClientError } from './stigg-client-error.js';

/** No HTTP response at all: connection refused or reset, DNS failure, or the `timeoutMs` deadline passed. */
export class StiggTransportError extends StiggClientError {
  override readonly name = 'StiggTransportError';
  constructor(message: string, readonly timedOut: boolean, options?: CauseOptions) {
    super(message, options);
  }
}
