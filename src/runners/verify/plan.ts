/**
 * The data a run needs, made true through the provider's state-change URL (or taken from `--fixture`): customers
 * with integrations — the edge ids (the same whatever the seed), ids drawn from the contract's arbitraries, two
 * customers holding the same integration id and one customer holding two integrations (tenant isolation) — a
 * missing customer, a missing integration, a customer the key may not access.
 */
import fc from 'fast-check';
import { edgeFixtureIds, pathParamArbitrary, pathParamNames, responseArbitrary } from '../../arbitraries/index.js';
import type { Scenario } from '../../checks/index.js';
import { STATE } from '../../pact/state-names.js';
import type { OperationContract } from '../../validators/index.js';
import type { StateChange, StateClient } from './state-client.js';
import { setUpEdges } from './edge-setup.js';
import { assignRecords, keptFields } from './records.js';

/** Path parameter values with the scenario they stand for. */
export interface Fixture {
  readonly params: Readonly<Record<string, string>>;
  readonly scenario: Scenario;
  /** For the edge fixtures: the edge classes its varying value stands for, and its catalogue kind. */
  readonly edgeClass?: string;
  readonly edgeKind?: string;
}

/**
 * The fixtures of a run and the state changes that made them (to tear down, in reverse); `problems`, the edge
 * fixtures the provider's state URL refused to make true (each left out of the run, named).
 */
export interface Plan {
  readonly fixtures: readonly Fixture[];
  readonly changes: readonly StateChange[];
  readonly problems?: readonly string[];
}

const successStatus = (contract: OperationContract): number => contract.operation.responses.find((r) => r.status >= 200 && r.status < 300)?.status ?? 200;

type Pair = { customerId: string; integrationId: string };

/**
 * Draws `count` pairs of valid path parameter values from the contract (deterministic for a seed), each with a
 * customer of its own and none of the `taken` customers (a "no customer" state must not delete another's data).
 */
function drawIds(contract: OperationContract, count: number, seed: number, taken: ReadonlySet<string>): Pair[] {
  const [customer, integration] = pathParamNames(contract);
  if (customer === undefined || integration === undefined) return [];
  const pairs = fc.sample(fc.record({ customerId: pathParamArbitrary(contract, customer), integrationId: pathParamArbitrary(contract, integration) }), { seed, numRuns: count * 3 });
  const seen = new Set<string>(taken);
  return pairs.filter((pair) => !seen.has(pair.customerId) && Boolean(seen.add(pair.customerId))).slice(0, count);
}

/**
 * The drawn existing pairs with tenant isolation made testable: the second customer holds the first one's
 * integration id (an answer from the wrong tenant shows), and the first customer holds the third pair's
 * integration too (an answer about its other integration shows).
 */
function withSharedIds(pairs: readonly Pair[]): Pair[] {
  const [first, second, third] = pairs;
  if (!first || !second) return [...pairs];
  const twins = [first, { customerId: second.customerId, integrationId: first.integrationId }];
  const sibling = third && third.integrationId !== first.integrationId ? [{ customerId: first.customerId, integrationId: third.integrationId }] : third ? [third] : [];
  return [...twins, ...sibling, ...pairs.slice(3)];
}

/**
 * The record params of "a customer with an integration" for `count` fixtures, taken from generated success
 * responses and chosen so that vendors and syncData shapes differ as much as they can: the report's coverage of
 * enum members and branches then reflects the provider, not the luck of the draw.
 */
function recordParamsList(contract: OperationContract, count: number, seed: number): Array<Record<string, unknown>> {
  // A couple of hundred draws hold every vendor and shape; the rest of `count` may repeat them. Documented members
  // only: a typed store keeps nothing else, and what the contract does not document cannot be asked back.
  const bodies = fc.sample(responseArbitrary(contract, successStatus(contract), { extras: false }), { seed, numRuns: count + 240 });
  const records = bodies.map((body) => ((body as { data?: Record<string, unknown> } | undefined)?.data ?? {}));
  const shape = (value: unknown): string => (value !== null && typeof value === 'object' ? Object.keys(value).sort().join(',') : String(value));
  const chosen: Array<Record<string, unknown>> = [];
  // First a new vendor each, then a new syncData shape each, then whatever comes.
  const passes: Array<(record: Record<string, unknown>) => unknown> = [(r) => r['vendorIdentifier'], (r) => shape(r['syncData']), () => undefined];
  for (const key of passes) {
    const seen = new Set(chosen.map(key));
    for (const record of records) {
      if (chosen.length === count) break;
      if (chosen.includes(record) || (key(record) !== undefined && seen.has(key(record)))) continue;
      seen.add(key(record));
      chosen.push(record);
    }
  }
  return chosen.map((data) => ({ vendorIdentifier: data['vendorIdentifier'], syncedEntityId: data['syncedEntityId'] ?? null, syncData: data['syncData'] ?? null }));
}

/**
 * Builds the fixtures and sets them up through `states`: the edge fixtures (in their order: absent ones before the
 * records they neighbour), then `existing` drawn integrations (tenant twins among them), then the missing and
 * forbidden data.
 */
export async function setUpPlan(contract: OperationContract, states: StateClient, existing: number, seed: number): Promise<Plan> {
  const [customerParam = 'id', integrationParam = 'integrationId'] = pathParamNames(contract);
  const edges = edgeFixtureIds(contract);
  const ids = drawIds(contract, existing + 3, seed, new Set(edges.map((fixture) => fixture.customerId)));
  const drawn = withSharedIds(ids.slice(0, existing));
  const params = (pair: Pair): Record<string, string> => ({ [customerParam]: pair.customerId, [integrationParam]: pair.integrationId });
  const fixtures: Fixture[] = [];
  const changes: StateChange[] = [];
  const apply = async (change: StateChange | undefined, fixture: Fixture): Promise<void> => {
    if (change) {
      await states.change(change, 'setup');
      changes.push(change);
    }
    fixtures.push(fixture);
  };
  const existingEdges = edges.filter((fixture) => fixture.presence === 'existing');
  // The drawn pairs take the most varied records first, so the tenant twins differ in vendor and syncData.
  const records = recordParamsList(contract, existingEdges.length + drawn.length, seed);
  const recordOf = (index: number): Record<string, unknown> => records[(index + drawn.length) % Math.max(1, records.length)] ?? {};
  const problems = await setUpEdges(contract, edges, assignRecords(contract, existingEdges, recordOf), params, apply);
  for (const [index, pair] of drawn.entries()) {
    const record = recordOf(index - drawn.length);
    await apply({ state: STATE.withIntegration, params: { ...pair, ...record } }, { params: params(pair), scenario: { kind: 'existing', ...pair, record: keptFields(contract, record) } });
  }
  const [missing, partial, denied] = ids.slice(existing);
  if (missing) await apply({ state: STATE.noCustomer, params: { customerId: missing.customerId } }, { params: params(missing), scenario: { kind: 'no-customer', customerId: missing.customerId } });
  if (partial) await apply({ state: STATE.withoutIntegration, params: partial }, { params: params(partial), scenario: { kind: 'no-integration', ...partial } });
  if (denied) await apply({ state: STATE.forbidden, params: { customerId: denied.customerId } }, { params: params(denied), scenario: { kind: 'forbidden', customerId: denied.customerId } });
  return { fixtures, changes, problems };
}

/** Undoes a plan's state changes, newest first, but those `done` already; failures are collected, not thrown (teardown must finish). */
export async function tearDownPlan(plan: Plan, states: StateClient, done: ReadonlySet<StateChange> = new Set()): Promise<string[]> {
  const problems: string[] = [];
  for (const change of [...plan.changes].reverse().filter((c) => !done.has(c))) {
    await states.change(change, 'teardown').catch((error: unknown) => void problems.push((error as Error).message));
  }
  return problems;
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
