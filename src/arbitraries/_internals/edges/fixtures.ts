/**
 * Every path edge value as existing data: each value of the resource parameter as the integration of a customer of
 * its own, each value of the customer parameter as a customer holding the anchor integration. The valid-input
 * oracles then judge every edge id against a real record (an edge id only ever sent to a missing record proves little).
 * One integration per customer asks nothing of the provider's state handler beyond the vocabulary's plain reading
 * (the run's tenant fixtures hold a customer with two integrations on purpose, once).
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
 * Customers for the resource parameter's values: the anchor customer's value with a number (`a1`, `a2`...), each one
 * the customer schema accepts and no edge value of the customer parameter, so no two fixtures share a customer.
 */
function ownCustomers(anchor: string, count: number, taken: ReadonlySet<string>, accepts: (value: string) => boolean): string[] {
  const out: string[] = [];
  for (let n = 1; out.length < count && n < 100 * (count + 1); n++) {
    const candidate = `${anchor}${n}`;
    if (!taken.has(candidate) && accepts(candidate)) out.push(candidate);
  }
  return out;
}

/**
 * The edge fixtures: the anchor pair (each parameter's first edge value, its shortest) first, then every other value
 * of the resource parameter on a customer of its own, then every other customer value holding the anchor integration.
 */
export function edgeFixtures(customers: readonly EdgeValue[], integrations: readonly EdgeValue[], customerAccepts: (value: string) => boolean): EdgeFixture[] {
  const [anchorCustomer, ...otherCustomers] = distinct(customers);
  const [anchorIntegration, ...otherIntegrations] = distinct(integrations);
  if (!anchorCustomer || !anchorIntegration) return [];
  const owners = ownCustomers(anchorCustomer.value, otherIntegrations.length, new Set(customers.map((edge) => edge.value)), customerAccepts);
  return [
    { customerId: anchorCustomer.value, integrationId: anchorIntegration.value, edgeClass: `${anchorCustomer.edgeClass} = ${anchorIntegration.edgeClass}` },
    ...otherIntegrations.map(({ value, edgeClass }, index) => ({ customerId: owners[index] ?? anchorCustomer.value, integrationId: value, edgeClass })),
    ...otherCustomers.map(({ value, edgeClass }) => ({ customerId: value, integrationId: anchorIntegration.value, edgeClass })),
  ];
}
