/**
 * The data a run needs, made true through the provider's state-change URL (or taken from `--fixture`): customers
 * with integrations — the edge ids (the same whatever the seed), ids drawn from the contract's arbitraries, two
 * customers holding the same integration id and one customer holding two integrations (tenant isolation) — a
 * missing customer, a missing integration, a customer the key may not access. Laid out first (a pure list of steps,
 * each in a unit of data), then applied: a shard applies only the units it needs.
 */
import { edgeFixtureIds, pathParamNames } from '../../arbitraries/index.js';
import type { Scenario } from '../../checks/index.js';
import { TransportError } from '../../errors.js';
import { STATE } from '../../pact/state-names.js';
import type { OperationContract } from '../../validators/index.js';
import type { StateChange, StateClient } from './state-client.js';
import { drawIds, recordParamsList, withSharedIds, type Pair } from './drawn.js';
import { edgeSteps } from './edge-setup.js';
import { assignRecords, keptFields } from './records.js';
import { tearDownPlan } from './teardown.js';

/** Path parameter values with the scenario they stand for. */
export interface Fixture {
  readonly params: Readonly<Record<string, string>>;
  readonly scenario: Scenario;
  /** For the edge fixtures: the edge classes its varying value stands for, and its catalogue kind. */
  readonly edgeClass?: string;
  readonly edgeKind?: string;
  /**
   * The unit of data it belongs to, set up (and replayed) as one: `customer:<id>` for an edge customer, `own:<id>`
   * for one of the run's own customers, `drawn` for the drawn data; absent for `--fixture` data (set up by nobody).
   */
  readonly unit?: string;
}

/** One step of the plan: the state change that makes a fixture true (none when an earlier step did). */
export interface PlanStep {
  readonly change?: StateChange;
  readonly fixture: Fixture;
  /** Its customer: a refused step leaves out the later steps of the same customer that rest on it. */
  readonly customerId: string;
  /** An edge fixture the state URL refuses is left out, named; any other refusal ends the run. */
  readonly refusable: boolean;
}

/**
 * The fixtures of a run and the state changes that made them (to tear down, in reverse); `problems`, the edge
 * fixtures the provider's state URL refused to make true (each left out of the run, named); `refused`, those fixtures.
 */
export interface Plan {
  readonly fixtures: readonly Fixture[];
  readonly changes: readonly StateChange[];
  readonly problems?: readonly string[];
  readonly refused?: readonly Fixture[];
  /** The changes each unit of data was made with, in order (what recreates a case's data on its own). */
  readonly unitChanges?: ReadonlyMap<string, readonly StateChange[]>;
}

/** The seed of the edge fixtures' records: theirs, like their ids, are the same in every run. */
const EDGE_RECORDS_SEED = 0;

/** The unit of the data a run draws from its seed: every shard sets it up (the random phase aims at it). */
export const DRAWN_UNIT = 'drawn';

/**
 * The plan's steps, in order (pure: the same for the same contract, seed and tag): the edge fixtures (absent ones
 * before the records they neighbour), then `existing` drawn integrations (tenant twins among them), then the missing
 * and forbidden data. `tag` makes the run's own customers unique to it.
 */
export function layOutPlan(contract: OperationContract, existing: number, seed: number, tag?: string): PlanStep[] {
  const [customerParam = 'id', integrationParam = 'integrationId'] = pathParamNames(contract);
  const params = (customerId: string, integrationId: string): Record<string, string> => ({ [customerParam]: customerId, [integrationParam]: integrationId });
  const edges = edgeFixtureIds(contract);
  const ids = drawIds(contract, existing + 3, seed, new Set(edges.map((fixture) => fixture.customerId)), tag);
  const drawn = withSharedIds(ids.slice(0, existing));
  const existingEdges = edges.filter((fixture) => fixture.presence === 'existing');
  // The edge customers' records are the same whatever the seed, as their ids are: two runs side by side set up the
  // same data on them. The drawn pairs take the seed's most varied records, so the tenant twins differ in vendor and syncData.
  const edgeRecords = recordParamsList(contract, existingEdges.length, EDGE_RECORDS_SEED);
  const edgeRecordOf = (index: number): Record<string, unknown> => edgeRecords[index % Math.max(1, edgeRecords.length)] ?? {};
  const records = recordParamsList(contract, drawn.length, seed);
  const steps = edgeSteps(contract, edges, assignRecords(contract, existingEdges, edgeRecordOf), params, tag);
  const step = (change: StateChange, pair: Pair, scenario: Scenario): PlanStep => ({ change, fixture: { params: params(pair.customerId, pair.integrationId), scenario, unit: DRAWN_UNIT }, customerId: pair.customerId, refusable: false });
  for (const [index, pair] of drawn.entries()) {
    const record = records[index % Math.max(1, records.length)] ?? {};
    steps.push(step({ state: STATE.withIntegration, params: { ...pair, ...record } }, pair, { kind: 'existing', ...pair, record: keptFields(contract, record) }));
  }
  const [missing, partial, denied] = ids.slice(existing);
  if (missing) steps.push(step({ state: STATE.noCustomer, params: { customerId: missing.customerId } }, missing, { kind: 'no-customer', customerId: missing.customerId }));
  if (partial) steps.push(step({ state: STATE.withoutIntegration, params: partial }, partial, { kind: 'no-integration', ...partial }));
  if (denied) steps.push(step({ state: STATE.forbidden, params: { customerId: denied.customerId } }, denied, { kind: 'forbidden', customerId: denied.customerId }));
  return steps;
}

/**
 * Applies the steps `keep` selects, in order, until `stopped` says the run stopped. A refused edge fixture (the state
 * URL answered with an error) is left out with the later steps of its customer that rest on it, named in `problems`,
 * and the run goes on (other edges of the same layer still probe the store); a state URL that cannot be reached, or a
 * refused drawn fixture, throws — after undoing what was set up, so that nothing is left behind.
 */
export async function applyPlan(steps: readonly PlanStep[], states: StateClient, keep: (step: PlanStep) => boolean = () => true, stopped: () => boolean = () => false): Promise<Plan> {
  const fixtures: Fixture[] = [];
  const changes: StateChange[] = [];
  const problems: string[] = [];
  const refusedFixtures: Fixture[] = [];
  const refused = new Set<string>();
  const unitChanges = new Map<string, StateChange[]>();
  for (const step of steps.filter(keep)) {
    if (stopped()) break;
    if (!step.change && refused.has(step.customerId)) {
      refusedFixtures.push(step.fixture);
      continue;
    }
    try {
      if (step.change) await states.change(step.change, 'setup');
    } catch (error) {
      // Ctrl+C abandons the set-up in flight, which the provider may still apply: the run's teardown undoes it too.
      if (stopped()) {
        if (step.change) changes.push(step.change);
        break;
      }
      if (!step.refusable || !(error instanceof TransportError) || error.status === undefined) {
        await tearDownPlan({ fixtures, changes }, states);
        throw error;
      }
      refused.add(step.customerId);
      refusedFixtures.push(step.fixture);
      problems.push(`edge fixture ${step.fixture.edgeClass ?? step.customerId} left out: ${error.message}`);
      continue;
    }
    if (step.change) {
      changes.push(step.change);
      const unit = step.fixture.unit ?? '';
      unitChanges.set(unit, [...(unitChanges.get(unit) ?? []), step.change]);
    }
    fixtures.push(step.fixture);
  }
  return { fixtures, changes, problems, refused: refusedFixtures, unitChanges };
}

/** Lays the plan out and applies all of it: the data of a whole run. */
export async function setUpPlan(contract: OperationContract, states: StateClient, existing: number, seed: number, tag?: string): Promise<Plan> {
  return applyPlan(layOutPlan(contract, existing, seed, tag), states);
}

/** Fixtures named with `--fixture customer/integration`: existing data, no state URL needed. */
export function namedFixtures(contract: OperationContract, specs: readonly string[]): Fixture[] {
  const [customerParam = 'id', integrationParam = 'integrationId'] = pathParamNames(contract);
  return specs.map((spec) => {
    const slash = spec.indexOf('/');
    const customerId = slash < 0 ? spec : spec.slice(0, slash);
    const integrationId = slash < 0 ? '' : spec.slice(slash + 1);
    return { params: { [customerParam]: customerId, [integrationParam]: integrationId }, scenario: { kind: 'existing', customerId, integrationId } };
  });
}
