/**
 * Setting up the edge fixtures (see src/arbitraries/_internals/edges/fixtures.ts) through provider states, in their
 * order: absent ones before the records they neighbour. A fixture the state URL refuses is left out, named.
 */
import type { EdgeFixture } from '../../arbitraries/index.js';
import type { Scenario } from '../../checks/index.js';
import { TransportError } from '../../errors.js';
import { STATE } from '../../pact/state-names.js';
import type { OperationContract } from '../../validators/index.js';
import type { Fixture } from './plan.js';
import { keptFields } from './records.js';
import type { StateChange } from './state-client.js';

/** The state change that makes an edge fixture true, or undefined when an earlier one of its customer did. */
function edgeChange(fixture: EdgeFixture, record: Readonly<Record<string, unknown>>): StateChange | undefined {
  const { customerId, integrationId } = fixture;
  if (!fixture.setUp) return undefined;
  if (fixture.presence === 'no-customer') return { state: STATE.noCustomer, params: { customerId } };
  if (fixture.presence === 'no-integration') return { state: STATE.withoutIntegration, params: { customerId, integrationId } };
  return { state: STATE.withIntegration, params: { customerId, integrationId, ...record } };
}

/** The scenario an edge fixture stands for once its state holds. */
function edgeScenario(contract: OperationContract, fixture: EdgeFixture, record: Readonly<Record<string, unknown>>): Scenario {
  const { customerId, integrationId } = fixture;
  if (fixture.presence === 'no-customer') return { kind: 'no-customer', customerId };
  if (fixture.presence === 'no-integration') return { kind: 'no-integration', customerId, integrationId };
  return { kind: 'existing', customerId, integrationId, record: keptFields(contract, record) };
}

/** Applies one state change (when there is one) and keeps the fixture it makes true. */
export type Apply = (change: StateChange | undefined, fixture: Fixture) => Promise<void>;

/**
 * Sets the edge fixtures up with their records; returns the problems: an edge value a provider's state handler
 * cannot take (a store refusing a near-duplicate id, say) is left out, with the absent fixtures resting on its state,
 * and the run goes on (other edges of the same layer still probe the store). A state URL that cannot be reached
 * still throws.
 */
export async function setUpEdges(contract: OperationContract, edges: readonly EdgeFixture[], records: ReadonlyMap<EdgeFixture, Record<string, unknown>>, params: (fixture: EdgeFixture) => Record<string, string>, apply: Apply): Promise<string[]> {
  const problems: string[] = [];
  const refused = new Set<string>();
  for (const fixture of edges) {
    const record = records.get(fixture) ?? {};
    if (!fixture.setUp && refused.has(fixture.customerId)) continue;
    try {
      await apply(edgeChange(fixture, record), { params: params(fixture), scenario: edgeScenario(contract, fixture, record), edgeClass: fixture.edgeClass, edgeKind: fixture.kind });
    } catch (error) {
      if (!(error instanceof TransportError) || error.status === undefined) throw error;
      refused.add(fixture.customerId);
      problems.push(`edge fixture ${fixture.edgeClass} left out: ${error.message}`);
    }
  }
  return problems;
}
