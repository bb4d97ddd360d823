/**
 * Confirmation: each distinct failing finding (its smallest exchange, the shrunk one for the random phase) is sent
 * again `times` times with its check alone, and counts as reproduced each time the check fails the same way (the same
 * signature). N of N: reproducible; fewer: flaky. The re-sends are not new exchanges of the run (the report's counts
 * and coverage stay those of the cases run); the listener hears the outcome, the failure database keeps it.
 */
import { apiKeyHeaderOf } from '../../../contract/operation.js';
import { failsRun, runCheck, type CheckContext, type Exchange } from '../../../checks/index.js';
import type { RunListener } from '../../../events/index.js';
import type { RunControl } from '../control.js';
import { executeRaw, type SendContext } from '../execute.js';
import { withParsedBodies } from '../parse-bodies.js';
import { renaming } from '../systematic-run.js';
import { signatureOf, type TrackedFinding } from './findings.js';

/** The name the API key went under when it was not the contract's spelling (the systematic phase's header-name edges). */
export function keyHeaderSpelling(exchange: Pick<Exchange, 'request'>, keyHeader: string | undefined): string | undefined {
  if (keyHeader === undefined) return undefined;
  return Object.keys(exchange.request.headers).find((name) => name !== keyHeader && name.toLowerCase() === keyHeader.toLowerCase());
}

/** The send context that sends the key under `spelling` (unchanged without one). */
export function spelledSend(send: SendContext, spelling: string | undefined): SendContext {
  const keyHeader = apiKeyHeaderOf(send.contract.operation);
  return spelling === undefined || keyHeader === undefined ? send : { ...send, transport: renaming(send.transport, keyHeader, spelling) };
}

/** The outcome of confirming one finding. */
export interface Confirmation {
  readonly key: string;
  readonly reproduced: number;
  readonly of: number;
}

/**
 * Sends one tracked finding's case again `times` times (the key under `spelling`, by default the name it went under);
 * how many times its check failed with the same signature.
 */
export async function confirmOne(tracked: TrackedFinding, times: number, send: SendContext, context: CheckContext, strictContract: boolean, spelling = keyHeaderSpelling(tracked.exchange, apiKeyHeaderOf(send.contract.operation))): Promise<number> {
  const check = send.checks.find((c) => c.id === tracked.finding.check);
  if (!check) return 0;
  const alone = spelledSend({ ...send, checks: [check] }, spelling);
  let reproduced = 0;
  for (let attempt = 0; attempt < times; attempt++) {
    const exchange = withParsedBodies(await executeRaw({ case: tracked.exchange.case, scenario: tracked.exchange.scenario }, alone));
    const outcome = runCheck(check, context, exchange);
    const same = outcome.status === 'failed' && outcome.findings.some((f) => failsRun(f.kind, strictContract) && signatureOf(f) === tracked.signature);
    if (same) reproduced++;
  }
  return reproduced;
}

/**
 * Confirms every finding of `findings` not confirmed yet (a rate-limited case needs its state: left alone), telling
 * the listener each outcome; stops between findings when the run is stopped. Returns the requests sent.
 */
export async function confirmFindings(findings: readonly TrackedFinding[], times: number, inputs: { send: SendContext; context: CheckContext; listener: RunListener; control: RunControl; strictContract: boolean; onConfirmed?: (confirmation: Confirmation) => void }): Promise<number> {
  let sent = 0;
  for (const tracked of findings) {
    if (inputs.control.stopped) break;
    if (tracked.exchange.scenario.kind === 'rate-limited') continue;
    const reproduced = await confirmOne(tracked, times, inputs.send, inputs.context, inputs.strictContract);
    sent += times;
    inputs.listener.onConfirmed?.(tracked.finding, reproduced, times);
    inputs.onConfirmed?.({ key: tracked.key, reproduced, of: times });
  }
  return sent;
}
