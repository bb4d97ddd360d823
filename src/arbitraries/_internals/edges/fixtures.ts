/**
 * The data the systematic phase sets up through provider states, so that every edge is judged against records whose
 * state the run knows: every path edge value as an existing record, and the store layer's fixtures (side-by-side
 * twins, absent neighbours, runtime names, numeric-looking ids, naughty-string ids, records of telling values).
 * Each integration value sits on a customer of its own, so no fixture asks a state handler to keep a customer's other
 * integrations (the run's tenant fixtures hold a customer with two integrations on purpose, once).
 */
import type { Site } from '../model.js';
import { compiled } from '../guard.js';
import { pathEdgeValues, type EdgeValue } from './path-values.js';
import type { CustomerPool, EdgeFixture } from './fixture.js';
import { storeFixtures } from './store-fixtures.js';

export type { CustomerPool, EdgeFixture, Presence } from './fixture.js';

function customerPool(anchor: string, taken: Set<string>, accepts: (value: string) => boolean): CustomerPool {
  let n = 0;
  return () => {
    for (let tries = 0; tries < 100_000; tries++) {
      const candidate = `${anchor}${++n}`;
      if (!taken.has(candidate) && accepts(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
    throw new Error(`no customer id of the form ${anchor}N is valid`);
  };
}

/** Values in order, each once, with the classes and kind of the first edge that gave it. */
function distinct(edges: readonly EdgeValue[]): Array<{ value: string; edgeClass: string; kind: string }> {
  const found = new Map<string, { classes: string[]; kind: string }>();
  for (const edge of edges) {
    const entry = found.get(edge.value);
    if (entry) entry.classes.push(edge.edgeClass);
    else found.set(edge.value, { classes: [edge.edgeClass], kind: edge.kind });
  }
  return [...found].map(([value, { classes, kind }]) => ({ value, edgeClass: classes.join(' = '), kind }));
}

const existing = (customerId: string, integrationId: string, edgeClass: string, kind: string): EdgeFixture => ({ customerId, integrationId, edgeClass, kind, presence: 'existing', setUp: true });

/**
 * The edge fixtures, in the order to set them up: the anchor pair (each parameter's first edge value, its shortest),
 * every other value of the resource parameter on a customer of its own, every other customer value holding the anchor
 * integration, then the store layer's fixtures (absent ones before the records they neighbour).
 */
export function edgeFixtures(customerSite: Site, integrationSite: Site): EdgeFixture[] {
  const customers = pathEdgeValues(customerSite);
  const [anchorCustomer, ...otherCustomers] = distinct(customers);
  const [anchorIntegration, ...otherIntegrations] = distinct(pathEdgeValues(integrationSite));
  if (!anchorCustomer || !anchorIntegration) return [];
  const customerAccepts = compiled(customerSite.schema);
  const taken = new Set(customers.map((edge) => edge.value));
  const pool = customerPool(anchorCustomer.value, taken, customerAccepts);
  const paths = [
    existing(anchorCustomer.value, anchorIntegration.value, `${anchorCustomer.edgeClass} = ${anchorIntegration.edgeClass}`, anchorCustomer.kind),
    ...otherIntegrations.map(({ value, edgeClass, kind }): EdgeFixture => ({ ...existing(pool(), value, edgeClass, kind), own: true })),
    ...otherCustomers.map(({ value, edgeClass, kind }) => existing(value, anchorIntegration.value, edgeClass, kind)),
  ];
  return [...paths, ...storeFixtures({ customerSite, integrationSite, anchorIntegration: anchorIntegration.value, pool, taken })];
}
