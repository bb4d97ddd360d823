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

/** Path parameter values with the scenario they stand for. */
export interface Fixture {
  readonly params: Readonly<Record<string, string>>;
  readonly scenario: Scenario;
  /** For the edge ids (every path edge value as existing data): the edge classes its varying value stands for. */
  readonly edgeClass?: string;
}

/** The fixtures of a run and the state changes that made them (to tear down, in reverse). */
export interface Plan {
  readonly fixtures: readonly Fixture[];
  readonly changes: readonly StateChange[];
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
  // A couple of hundred draws hold every vendor and shape; the rest of `count` may repeat them.
  const bodies = fc.sample(responseArbitrary(contract, successStatus(contract)), { seed, numRuns: count + 240 });
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

/** What the update must leave as set up: every record field but the ones the request body carries. */
export function keptFields(contract: OperationContract, record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const sent = new Set(Object.keys(contract.operation.requestBody?.schema?.['properties'] ?? {}));
  return Object.fromEntries(Object.entries(record).filter(([field]) => !sent.has(field)));
}

/**
 * Builds the fixtures and sets them up through `states`: the edge ids, then `existing` drawn integrations (tenant
 * twins among them), then the missing and forbidden data.
 */
export async function setUpPlan(contract: OperationContract, states: StateClient, existing: number, seed: number): Promise<Plan> {
  const [customerParam = 'id', integrationParam = 'integrationId'] = pathParamNames(contract);
  const edgeIds = edgeFixtureIds(contract);
  const edgeClasses = new Map(edgeIds.map((f) => [JSON.stringify([f.customerId, f.integrationId]), f.edgeClass]));
  const edges: Pair[] = edgeIds.map(({ customerId, integrationId }) => ({ customerId, integrationId }));
  const ids = drawIds(contract, existing + 3, seed, new Set(edges.map((pair) => pair.customerId)));
  const drawn = withSharedIds(ids.slice(0, existing));
  const existingPairs = [...edges, ...drawn];
  const params = (pair: { customerId: string; integrationId: string }): Record<string, string> => ({ [customerParam]: pair.customerId, [integrationParam]: pair.integrationId });
  const fixtures: Fixture[] = [];
  const changes: StateChange[] = [];
  const apply = async (change: StateChange, fixture: Fixture): Promise<void> => {
    await states.change(change, 'setup');
    changes.push(change);
    fixtures.push(fixture);
  };
  // The drawn pairs take the most varied records first, so the tenant twins differ in vendor and syncData.
  const records = recordParamsList(contract, existingPairs.length, seed);
  const recordOf = (index: number): Record<string, unknown> => records[(index + drawn.length) % Math.max(1, existingPairs.length)] ?? {};
  for (const [index, pair] of existingPairs.entries()) {
    const record = recordOf(index);
    const edgeClass = edgeClasses.get(JSON.stringify([pair.customerId, pair.integrationId]));
    const scenario: Scenario = { kind: 'existing', ...pair, record: keptFields(contract, record) };
    await apply({ state: STATE.withIntegration, params: { ...pair, ...record } }, { params: params(pair), scenario, ...(edgeClass === undefined ? {} : { edgeClass }) });
  }
  const [missing, partial, denied] = ids.slice(existing);
  if (missing) await apply({ state: STATE.noCustomer, params: { customerId: missing.customerId } }, { params: params(missing), scenario: { kind: 'no-customer', customerId: missing.customerId } });
  if (partial) await apply({ state: STATE.withoutIntegration, params: partial }, { params: params(partial), scenario: { kind: 'no-integration', ...partial } });
  if (denied) await apply({ state: STATE.forbidden, params: { customerId: denied.customerId } }, { params: params(denied), scenario: { kind: 'forbidden', customerId: denied.customerId } });
  return { fixtures, changes };
}

/** Undoes a plan's state changes, newest first; failures are collected, not thrown (teardown must finish). */
export async function tearDownPlan(plan: Plan, states: StateClient): Promise<string[]> {
  const problems: string[] = [];
  for (const change of [...plan.changes].reverse()) {
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
