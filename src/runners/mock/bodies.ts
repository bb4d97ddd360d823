/** Generated response bodies: success bodies from the covering schedule, other statuses drawn from their schema. */
import fc from 'fast-check';
import { responseArbitrary } from '../../arbitraries/index.js';
import type { ContractFacts } from '../../checks/index.js';
import type { OperationContract } from '../../validators/index.js';
import { coherentPointers } from './respond.js';
import { SuccessSchedule } from './schedule.js';

/** Where a run's generated bodies come from; arbitraries are built once per status (or per shape). */
export interface ResponseBodies {
  /** The success schedule, when the contract documents a success body. */
  readonly schedule: SuccessSchedule | undefined;
  /** A body of a documented status drawn with `seed` (the success one from the schedule); undefined when none is documented. */
  draw(status: number, seed: number): unknown;
}

/** The bodies of one run, seeded with the run seed (which orders the schedule). */
export function responseBodies(contract: OperationContract, facts: ContractFacts, runSeed: number): ResponseBodies {
  const schedule = facts.successSchema === undefined ? undefined : new SuccessSchedule(facts.successSchema, runSeed, coherentPointers(facts));
  const arbitraries = new Map<number, fc.Arbitrary<unknown>>();
  return {
    schedule,
    draw(status, seed) {
      if (status === facts.successStatus && schedule) return schedule.next(seed);
      let arbitrary = arbitraries.get(status);
      if (!arbitrary) arbitraries.set(status, (arbitrary = responseArbitrary(contract, status)));
      return fc.sample(arbitrary, { seed, numRuns: 1 })[0];
    },
  };
}
