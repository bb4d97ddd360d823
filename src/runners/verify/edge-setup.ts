/**
 * The edge fixtures (see src/arbitraries/_internals/edges/fixtures.ts) as steps of the plan, in their order: absent
 * ones before the records they neighbour. The run's own customers among them (`a1`, `a2`...) take the run's tag; the
 * edge customers keep their value, which is the edge.
 */
import type { EdgeFixture } from '../../arbitraries/index.js';
import type { Scenario } from '../../checks/index.js';
import { STATE } from '../../pact/state-names.js';
import type { OperationContract } from '../../validators/index.js';
import { ownCustomer } from './drawn.js';
import type { PlanStep } from './plan.js';
import { keptFields } from './records.js';
import type { StateChange } from './state-client.js';

/** The state change that makes an edge fixture true, or undefined when an earlier one of its customer did. */
function edgeChange(fixture: EdgeFixture, customerId: string, record: Readonly<Record<string, unknown>>): StateChange | undefined {
  const { integrationId } = fixture;
  if (!fixture.setUp) return undefined;
  if (fixture.presence === 'no-customer') return { state: STATE.noCustomer, params: { customerId } };
  if (fixture.presence === 'no-integration') return { state: STATE.withoutIntegration, params: { customerId, integrationId } };
  return { state: STATE.withIntegration, params: { customerId, integrationId, ...record } };
}

/** The scenario an edge fixture stands for once its state holds. */
function edgeScenario(contract: OperationContract, fixture: EdgeFixture, customerId: string, record: Readonly<Record<string, unknown>>): Scenario {
  const { integrationId } = fixture;
  if (fixture.presence === 'no-customer') return { kind: 'no-customer', customerId };
  if (fixture.presence === 'no-integration') return { kind: 'no-integration', customerId, integrationId };
  return { kind: 'existing', customerId, integrationId, record: keptFields(contract, record) };
}

/**
 * The steps that set the edge fixtures up with their records. Each may be refused (a store refusing a
 * near-duplicate id, say): the plan then leaves it out, with the absent fixtures resting on its state.
 * `unit`: what a fixture is set up (and replayed) with; an own customer's is its untagged id, the same in every shard.
 */
export function edgeSteps(contract: OperationContract, edges: readonly EdgeFixture[], records: ReadonlyMap<EdgeFixture, Record<string, unknown>>, params: (customerId: string, integrationId: string) => Record<string, string>, tag: string | undefined): PlanStep[] {
  return edges.map((fixture) => {
    const record = records.get(fixture) ?? {};
    const customerId = fixture.own ? ownCustomer(contract, fixture.customerId, tag) : fixture.customerId;
    const unit = fixture.own ? `own:${fixture.customerId}` : fixture.unit ?? `customer:${customerId}`;
    const change = edgeChange(fixture, customerId, record);
    const built = { params: params(customerId, fixture.integrationId), scenario: edgeScenario(contract, fixture, customerId, record), edgeClass: fixture.edgeClass, edgeKind: fixture.kind, unit };
    return { ...(change ? { change } : {}), fixture: built, customerId, refusable: true };
  });
}
