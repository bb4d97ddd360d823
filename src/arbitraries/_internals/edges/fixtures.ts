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
import { storeFixtures } from './store-fixtures.js';

/** What the run makes true of a fixture: the record exists, the customer does not, or the customer exists without it. */
export type Presence = 'existing' | 'no-customer' | 'no-integration';

/** A pair of path parameter values the run sets up (or makes absent), and the edge classes it stands for. */
export interface EdgeFixture {
  readonly customerId: string;
  readonly integrationId: string;
  /** The edge classes of the value that varies (` = ` between classes sharing one value). */
  readonly edgeClass: string;
  /** The catalogue kind (`store/case-neighbours`): see kinds.ts. */
  readonly kind: string;
  readonly presence: Presence;
  /** Whether the run sends its provider state; false where an earlier state of the same customer already made it true. */
  readonly setUp: boolean;
  /** Fixtures of one group get records that differ from each other (side-by-side twins must each answer with its own). */
  readonly group?: string;
  /** Record member values of a layer's own (strings that look like numbers, or that serialisers mangle), not drawn ones. */
  readonly record?: 'coercion' | 'serializer';
  /**
   * The customer is one of the run's own (`a1`, `a2`...: its value is no edge), which a runner may make unique to the
   * run; the edge customers' values are the edge itself, the same in every run.
   */
  readonly own?: true;
  /**
   * Fixtures of one unit only mean something together (side-by-side twins and the absent neighbours of their base):
   * set up, and replayed, as one. Absent: the fixture's customer is its unit.
   */
  readonly unit?: string;
}

/** Customers of their own for fixtures: the anchor customer's value with a number (`a1`, `a2`...), never one taken. */
export type CustomerPool = () => string;

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
