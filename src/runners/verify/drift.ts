/**
 * verify with a next version of the contract: every exchange's check runs go through the drift judge
 * (checks/drift.ts) before any output hears of them, so the report, the progress line and the traffic log all see a
 * finding the next version allows as `contract-drift`. Cases, data and requests still come from the pinned contract.
 */
import { createCheckContext, judgeDrift, selectChecks, type DriftJudge } from '../../checks/index.js';
import { fanOut, type RunListener } from '../../events/index.js';
import type { OperationContract } from '../../validators/index.js';

/** The drift judge of a run: its selected checks, under the pinned contract and under the next version. */
export const driftJudge = (contract: OperationContract, next: OperationContract, checks: readonly string[]): DriftJudge =>
  ({ checks: selectChecks(checks), pinned: createCheckContext(contract), next: createCheckContext(next) });

/** `listener`, hearing every exchange with drift told apart from violations. */
export function judgingDrift(judge: DriftJudge, listener: RunListener): RunListener {
  return { ...fanOut(listener), onExchange: (exchange, runs) => listener.onExchange?.(exchange, judgeDrift(judge, exchange, runs)) };
}
