/**
 * The data a run draws from its seed: customers with integrations whose ids come from the contract's arbitraries
 * (tenant twins among them), and the records set up on every fixture. The customers a run draws are its own: each
 * carries the run's tag, so that runs and shards side by side never set up or delete one another's customers.
 */
import fc from 'fast-check';
import { pathParamArbitrary, pathParamNames, responseArbitrary } from '../../arbitraries/index.js';
import type { OperationContract } from '../../validators/index.js';

/** A customer and an integration id. */
export type Pair = { customerId: string; integrationId: string };

const successStatus = (contract: OperationContract): number => contract.operation.responses.find((r) => r.status >= 200 && r.status < 300)?.status ?? 200;

/** Whether the contract's path accepts `customerId` as its customer parameter (the integration held at a valid value). */
function customerAccepted(contract: OperationContract, customerParam: string): (customerId: string) => boolean {
  return (customerId) => !contract.parts.path.intent({ [customerParam]: customerId }).some((issue) => issue.pointer === `/${customerParam}`);
}

/**
 * A customer id made the run's own: `-tag` after it, or in place of its tail when the id is at its longest (the tag
 * is letters and digits: every slug pattern that takes a dash takes it). Unchanged without a tag, or when no tagged
 * form is valid.
 */
export function ownCustomer(contract: OperationContract, customerId: string, tag: string | undefined): string {
  const [customerParam] = pathParamNames(contract);
  if (tag === undefined || customerParam === undefined) return customerId;
  const accepts = customerAccepted(contract, customerParam);
  const suffix = `-${tag}`;
  const points = [...customerId];
  for (let keep = points.length; keep >= 1; keep--) {
    const candidate = points.slice(0, keep).join('') + suffix;
    if (accepts(candidate)) return candidate;
    if (keep < points.length - suffix.length) break;
  }
  return customerId;
}

/**
 * Draws `count` pairs of valid path parameter values from the contract (deterministic for a seed), each with a
 * customer of its own (tagged) and none of the `taken` customers (a "no customer" state must not delete another's data).
 */
export function drawIds(contract: OperationContract, count: number, seed: number, taken: ReadonlySet<string>, tag?: string): Pair[] {
  const [customer, integration] = pathParamNames(contract);
  if (customer === undefined || integration === undefined) return [];
  const pairs = fc.sample(fc.record({ customerId: pathParamArbitrary(contract, customer), integrationId: pathParamArbitrary(contract, integration) }), { seed, numRuns: count * 3 });
  const seen = new Set<string>(taken);
  // Drawn untagged and then tagged, so that the run's draw is the same whatever its tag.
  const own = pairs.filter((pair) => !seen.has(pair.customerId) && Boolean(seen.add(pair.customerId)));
  const tagged = own.map((pair) => ({ ...pair, customerId: ownCustomer(contract, pair.customerId, tag) }));
  const distinct = new Set<string>(taken);
  return tagged.filter((pair) => !distinct.has(pair.customerId) && Boolean(distinct.add(pair.customerId))).slice(0, count);
}

/**
 * The drawn existing pairs with tenant isolation made testable: the second customer holds the first one's
 * integration id (an answer from the wrong tenant shows), and the first customer holds the third pair's
 * integration too (an answer about its other integration shows).
 */
export function withSharedIds(pairs: readonly Pair[]): Pair[] {
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
export function recordParamsList(contract: OperationContract, count: number, seed: number): Array<Record<string, unknown>> {
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
