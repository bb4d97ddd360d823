/**
 * Generated response bodies: success bodies from the covering schedule, other statuses drawn from their schema. With
 * drift values (`--contract-next`, drift.ts), every other one of the first successes serves one of them instead
 * (answers 1, 3, 5, …), so a client meets each within its first 2×D successes and the covering schedule goes on
 * between them (every documented shape within the first N + D).
 */
import fc from 'fast-check';
import { responseArbitrary, schemaArbitrary } from '../../arbitraries/index.js';
import type { ContractFacts } from '../../checks/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { DriftValue } from './drift.js';
import { coherentPointers } from './respond.js';
import { SuccessSchedule } from './schedule.js';

/** A drawn body, and the drift value it serves when it is one (valid under the next version only). */
export interface DrawnBody {
  readonly body: unknown;
  readonly drift?: DriftValue;
}

/** Where a run's generated bodies come from; arbitraries are built once per status (or per shape). */
export interface ResponseBodies {
  /** The success schedule, when the contract documents a success body. */
  readonly schedule: SuccessSchedule | undefined;
  /** A body of a documented status drawn with `seed` (the success one from the schedule, or a drift value); undefined when none is documented. */
  draw(status: number, seed: number): DrawnBody | undefined;
}

/** Which drift value success answer `k` serves, if any: the odd answers, until each has been served once. */
export const driftSlot = (k: number, count: number): number | undefined => (k % 2 === 1 && (k - 1) / 2 < count ? (k - 1) / 2 : undefined);

/** The bodies of one run, seeded with the run seed (which orders the schedule). */
export function responseBodies(contract: OperationContract, facts: ContractFacts, runSeed: number, drift: readonly DriftValue[] = []): ResponseBodies {
  const schedule = facts.successSchema === undefined ? undefined : new SuccessSchedule(facts.successSchema, runSeed, coherentPointers(facts));
  const arbitraries = new Map<number, fc.Arbitrary<unknown>>();
  // Built on first use, as the schedule's are: the first one costs the generators' start-up, which `mock` should not wait for.
  const driftArbitraries = new Map<number, fc.Arbitrary<unknown>>();
  const driftArbitrary = (slot: number, value: DriftValue): fc.Arbitrary<unknown> => {
    let arbitrary = driftArbitraries.get(slot);
    if (!arbitrary) driftArbitraries.set(slot, (arbitrary = schemaArbitrary(value.schema, { style: 'json', extras: false })));
    return arbitrary;
  };
  let successes = 0;
  return {
    schedule,
    draw(status, seed) {
      if (status === facts.successStatus && schedule) {
        const slot = driftSlot(successes++, drift.length);
        const value = slot === undefined ? undefined : drift[slot];
        if (value === undefined) return { body: schedule.next(seed) };
        return { body: fc.sample(driftArbitrary(slot as number, value), { seed, numRuns: 1 })[0], drift: value };
      }
      let arbitrary = arbitraries.get(status);
      if (!arbitrary) arbitraries.set(status, (arbitrary = responseArbitrary(contract, status)));
      const [body] = fc.sample(arbitrary, { seed, numRuns: 1 });
      return body === undefined ? undefined : { body };
    },
  };
}
