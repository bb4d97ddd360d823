/** Errors of the Pact Broker workflows; all are harness errors (exit 2): the step could not be done. */
import { HarnessError } from '../../errors.js';
import type { PactCliRun } from './pact-cli.js';

/** What the Pact CLI printed, as one block of its non-empty lines. */
export function printed(run: PactCliRun): string {
  return `${run.stdout}\n${run.stderr}`.split('\n').map((line) => line.trimEnd()).filter((line) => line.trim() !== '').join('\n');
}

/**
 * `pact broker COMMAND` did not do it: the broker was unreachable, refused the credentials, lacks the endpoint or
 * the resource, or answered something unusable. The message carries what the Pact CLI printed, already scrubbed.
 */
export class BrokerError extends HarnessError {
  override readonly name = 'BrokerError';
  constructor(readonly command: string, readonly run: PactCliRun) {
    const ending = run.code === null ? 'was stopped: no answer within the time limit' : `failed (exit ${run.code})`;
    super(`pact broker ${command} ${ending}${printed(run) === '' ? '' : `:\n${printed(run)}`}`);
  }
}
