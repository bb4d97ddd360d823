/**
 * Packs path edge values into a few (customer, integration) pairs to create as existing data: every family of edge
 * classes of both parameters carried by some pair, so that valid-input oracles judge edge ids on real records.
 */
import type { EdgeValue } from './path-values.js';

/** A pair of path parameter values to set up as existing data, and the edge classes it carries. */
export interface EdgeFixture {
  readonly customerId: string;
  readonly integrationId: string;
  readonly edgeClass: string;
}

const PRIORITY = ['alone', 'last', 'first', 'middle'];
const variantOf = (edge: EdgeValue): string => edge.edgeClass.slice(edge.family.length + 1);
const alphanumeric = (edge: EdgeValue): boolean => /^[a-zA-Z0-9]+$/.test(edge.token ?? '');

/** Whether a chosen value carries a family: the very value for lengths, the token anywhere in it for characters. */
function carries(chosen: readonly EdgeValue[], family: string, token: string | undefined): boolean {
  return chosen.some((edge) => edge.family === family || (token !== undefined && edge.value.includes(token)));
}

/** Compares rank tuples element by element. */
const byRank = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
};

/** The values of one parameter worth holding in fixtures: those it must hold, then the rest by interest. */
export interface FixtureValues {
  /** Every length edge (their exact value is the point), then one value per family no earlier value carries. */
  readonly must: readonly EdgeValue[];
  /** Punctuation before letters and digits; alone, last, first, then middle; each value once. */
  readonly rest: readonly EdgeValue[];
}

/** Chooses the values of one parameter to hold in fixtures. */
export function fixtureValues(edges: readonly EdgeValue[]): FixtureValues {
  const must: EdgeValue[] = edges.filter((edge) => edge.token === undefined);
  for (const edge of edges) if (!carries(must, edge.family, edge.token)) must.push(edge);
  const values = new Set(must.map((edge) => edge.value));
  const rest = edges.filter((edge) => !must.includes(edge))
    .map((edge, index) => ({ edge, rank: [alphanumeric(edge) ? 1 : 0, PRIORITY.indexOf(variantOf(edge)), index] }))
    .sort((a, b) => byRank(a.rank, b.rank))
    .map(({ edge }) => edge)
    .filter((edge) => !values.has(edge.value) && Boolean(values.add(edge.value)));
  return { must, rest };
}

/**
 * Pairs customer and integration values: as many pairs as the longer list of must-have values needs, and `target`
 * when that is more and there are enough distinct customers. Customers are distinct (one record each, so setting one
 * up never replaces another); integration values cycle when they run out.
 */
export function pairFixtures(customers: FixtureValues, integrations: FixtureValues, target: number): EdgeFixture[] {
  const seen = new Set<string>();
  const customerList = [...customers.must, ...customers.rest].filter((edge) => !seen.has(edge.value) && Boolean(seen.add(edge.value)));
  const integrationList = [...integrations.must, ...integrations.rest];
  const count = Math.min(customerList.length, Math.max(customers.must.length, integrations.must.length, target));
  if (integrationList.length === 0) return [];
  return customerList.slice(0, count).map((customer, index) => {
    const integration = integrationList[index % integrationList.length] as EdgeValue;
    return { customerId: customer.value, integrationId: integration.value, edgeClass: `${customer.edgeClass} and ${integration.edgeClass}` };
  });
}
