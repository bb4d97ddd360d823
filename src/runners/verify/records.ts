/**
 * Records as provider states set them up: the fields an update keeps (what the answer must give back unchanged), and
 * records set up with a layer's telling values: every string member of the fields an update keeps (syncData's ids
 * and URLs here) replaced, in turn, by strings that look like numbers (a coercing store turns `01000` into 1000) or
 * that serialisers mangle (markup, separators, control characters). What comes back must be the same JSON values.
 */
import { edgeRecordTexts } from '../../arbitraries/index.js';
import { contractFacts } from '../../checks/index.js';
import type { EdgeFixture } from '../../arbitraries/index.js';
import type { OperationContract } from '../../validators/index.js';

/** What the update must leave as set up: every record field but the ones the request body carries. */
export function keptFields(contract: OperationContract, record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const sent = new Set(Object.keys(contract.operation.requestBody?.schema?.['properties'] ?? {}));
  return Object.fromEntries(Object.entries(record).filter(([field]) => !sent.has(field)));
}

/** Every string leaf of `value` replaced by the next of `texts` (in turn, from `start`). */
function replaceStrings(value: unknown, texts: readonly string[], counter: { next: number }): unknown {
  if (typeof value === 'string') return texts[counter.next++ % texts.length] ?? value;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, texts, counter));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceStrings(item, texts, counter)]));
}

/**
 * The record with its kept string members made of the layer's texts, when the contract's success body still accepts
 * it (an enum member, say, stays as drawn); the record as drawn otherwise.
 */
export function tellingRecord(contract: OperationContract, record: Readonly<Record<string, unknown>>, layer: 'coercion' | 'serializer'): Record<string, unknown> {
  const texts = edgeRecordTexts(layer);
  const facts = contractFacts(contract);
  const kept = keptFields(contract, record);
  const counter = { next: 0 };
  const changed: Record<string, unknown> = { ...record };
  for (const [field, value] of Object.entries(kept)) {
    const candidate = { ...changed, [field]: replaceStrings(value, texts, counter) };
    const data = { id: 'record', ...candidate };
    const body = facts.envelope === undefined ? data : { [facts.envelope]: data };
    const status = facts.successStatus ?? 200;
    const verdict = contract.validateResponse({ status, headers: { 'content-type': facts.mediaType(status) ?? 'application/json' }, body });
    if (verdict.matched && verdict.intent.length === 0) Object.assign(changed, candidate);
  }
  return changed;
}

/**
 * The record each existing edge fixture is set up with: drawn ones in turn, a layer's telling values where the
 * fixture asks for them, and within a group of side-by-side twins records that differ from each other (else a lookup
 * that mixes the twins up would answer with an equal record, and go unseen).
 */
export function assignRecords(contract: OperationContract, fixtures: readonly EdgeFixture[], recordOf: (index: number) => Record<string, unknown>): Map<EdgeFixture, Record<string, unknown>> {
  const out = new Map<EdgeFixture, Record<string, unknown>>();
  const seenInGroup = new Map<string, Set<string>>();
  let next = 0;
  for (const fixture of fixtures) {
    let record = recordOf(next++);
    if (fixture.group !== undefined) {
      const seen = seenInGroup.get(fixture.group) ?? new Set<string>();
      for (let tries = 0; seen.has(JSON.stringify(keptFields(contract, record))) && tries < 50; tries++) record = recordOf(next++);
      seen.add(JSON.stringify(keptFields(contract, record)));
      seenInGroup.set(fixture.group, seen);
    }
    if (fixture.record !== undefined) {
      // A record whose kept members are all enum members or null has nothing to hold the texts: the next one may.
      for (let tries = 0; tries < 50; tries++, record = recordOf(next++)) {
        const telling = tellingRecord(contract, record, fixture.record);
        if (JSON.stringify(telling) === JSON.stringify(record)) continue;
        record = telling;
        break;
      }
    }
    out.set(fixture, record);
  }
  return out;
}
