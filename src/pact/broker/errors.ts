/** Errors of the Pact Broker workflows; all are harness errors (exit 2): the run could not be done. */
import { HarnessError } from '../../errors.js';
import type { BrokerNotice } from './notices.js';

/**
 * The broker answered with an error status (401, 403, 404, 409, 4xx, 5xx) or with something that is not
 * the documented HAL+JSON. `status` is 0 when the answer was 2xx but unusable.
 */
export class BrokerError extends HarnessError {
  override readonly name = 'BrokerError';
  constructor(
    message: string,
    readonly status: number,
    readonly url: string,
    readonly notices: readonly BrokerNotice[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
