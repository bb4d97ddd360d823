/**
 * Every path edge value as existing data: each value of the resource parameter as an integration of one anchor
 * customer, each value of the customer parameter as a customer holding the anchor integration. The valid-input
 * oracles then judge every edge id against a real record (an edge id only ever sent to a missing record proves little).
 */
import type { EdgeValue } from './path-values.js';

/** A pair of path parameter values to set up as existing data, and the edge classes its value stands for. */
export interface EdgeFixture {
  readonly customerId: string;
  readonly integrationId: string;
  /** The edge classes of the value that varies (` = ` between classes sharing one value). */
  readonly edgeClass: string;
}

/** Values in order, each once, with the classes of every edge that gave it. */
function distinct(edges: readonly EdgeValue[]): Array<{ value: string; edgeClass: string }> {
  const classes = new Map<string, string[]>();
  for (const edge of edges) classes.set(edge.value, [...(classes.get(edge.value) ?? []), edge.edgeClass]);
  return [...classes].map(([value, list]) => ({ value, edgeClass: list.join(' = ') }));
}

/**
 * The edge fixtures: the anchor pair (each parameter's first edge value, its shortest) first, then every other value
 * of the resource parameter on the anchor customer, then every other customer value holding the anchor integration.
 */
export function edgeFixtures(customers: readonly EdgeValue[], integrations: readonly EdgeValue[]): EdgeFixture[] {
  const [anchorCustomer, ...otherCustomers] = distinct(customers);
  const [anchorIntegration, ...otherIntegrations] = distinct(integrations);
  if (!anchorCustomer || !anchorIntegration) return [];
  return [
    { customerId: anchorCustomer.value, integrationId: anchorIntegration.value, edgeClass: `${anchorCustomer.edgeClass} = ${anchorIntegration.edgeClass}` },
    ...otherIntegrations.map(({ value, edgeClass }) => ({ customerId: anchorCustomer.value, integrationId: value, edgeClass })),
    ...otherCustomers.map(({ value, edgeClass }) => ({ customerId: value, integrationId: anchorIntegration.value, edgeClass })),
  ];
}
