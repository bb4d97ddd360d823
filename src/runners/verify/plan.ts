/**
 * The data a run needs, made true through the provider's state-change URL (or taken from `--fixture`): customers
 * with integrations (ids drawn from the contract's arbitraries, so edge-case slugs and ids get exercised), a missing
 * customer, a missing integration, a customer the key may not access.
 */
import fc from 'fast-check';
import { pathParamArbitrary, responseArbitrary } from '../../arbitraries/index.js';
import type { Scenario } from '../../checks/index.js';
import { STATE } from '../../pact/states.js';
import type { OperationContract } from '../../validators/index.js';
import type { StateChange, StateClient } from './states.js';

/** Path parameter values with the scenario they stand for. */
export interface Fixture {
  readonly params: Readonly<Record<string, string>>;
  readonly scenario: Scenario;
}

/** The fixtures of a run and the state changes that made them (to tear down, in reverse). */
export interface Plan {
  readonly fixtures: readonly Fixture[];
  readonly changes: readonly StateChange[];
}

const successStatus = (contract: OperationContract): number => contract.operation.responses.find((r) => r.status >= 200 && r.status < 300)?.status ?? 200;

/** Draws `count` distinct pairs of valid path parameter values from the contract (deterministic for a seed). */
function drawIds(contract: OperationContract, count: number, seed: number): Array<{ customerId: string; integrationId: string }> {
  const [customer, integration] = contract.operation.pathParams.map((p) => p.name);
  if (customer === undefined || integration === undefined) return [];
  const pairs = fc.sample(fc.record({ customerId: pathParamArbitrary(contract, customer), integrationId: pathParamArbitrary(contract, integration) }), { seed, numRuns: count * 3 });
  const seen = new Set<string>();
  return pairs.filter((pair) => !seen.has(pair.customerId) && Boolean(seen.add(pair.customerId))).slice(0, count);
}

/**
 * The record params of "a customer with an integration" for `count` fixtures, taken from generated success
 * responses and chosen so that vendors and syncData shapes differ as much as they can: the report's coverage of
 * enum members and branches then reflects the provider, not the luck of the draw.
 */
function recordParamsList(contract: OperationContract, count: number, seed: number): Array<Record<string, unknown>> {
  const bodies = fc.sample(responseArbitrary(contract, successStatus(contract)), { seed, numRuns: count * 20 });
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

/** Builds the fixtures and sets them up through `states`; `existing` is how many integrations to create. */
export async function setUpPlan(contract: OperationContract, states: StateClient, existing: number, seed: number): Promise<Plan> {
  const [customerParam = 'id', integrationParam = 'integrationId'] = contract.operation.pathParams.map((p) => p.name);
  const ids = drawIds(contract, existing + 3, seed);
  const params = (pair: { customerId: string; integrationId: string }): Record<string, string> => ({ [customerParam]: pair.customerId, [integrationParam]: pair.integrationId });
  const fixtures: Fixture[] = [];
  const changes: StateChange[] = [];
  const apply = async (change: StateChange, fixture: Fixture): Promise<void> => {
    await states.change(change, 'setup');
    changes.push(change);
    fixtures.push(fixture);
  };
  const records = recordParamsList(contract, existing, seed);
  for (const [index, pair] of ids.slice(0, existing).entries()) {
    await apply({ state: STATE.withIntegration, params: { ...pair, ...records[index] } }, { params: params(pair), scenario: { kind: 'existing', ...pair } });
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
  const [customerParam = 'id', integrationParam = 'integrationId'] = contract.operation.pathParams.map((p) => p.name);
  return specs.map((spec) => {
    const slash = spec.indexOf('/');
    const customerId = slash < 0 ? spec : spec.slice(0, slash);
    const integrationId = slash < 0 ? '' : spec.slice(slash + 1);
    return { params: { [customerParam]: customerId, [integrationParam]: integrationId }, scenario: { kind: 'existing', customerId, integrationId } };
  });
}
