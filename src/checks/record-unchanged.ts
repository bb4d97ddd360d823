/**
 * record_unchanged: the request carries only the update field, so every other field of the addressed integration
 * (its vendor, its syncData) comes back exactly as the provider state set it up. Catches an answer about another
 * tenant's integration with the same id, about another integration of the customer, or an update that resets data.
 */
import { childPointer, isJsonObject } from '../contract/json.js';
import { expectsValid, sendsValidKey } from './cases.js';
import { finding, literal, notApplicable, skip } from './finding.js';
import { successRecord } from './success-record.js';
import type { Check } from './check.js';
import type { Finding } from './types.js';

const ID = 'record_unchanged';

/**
 * Where `returned` first departs from `setUp` (a JSON pointer, `` for the whole value): undefined when it holds all of it. Set-up nulls may come back absent
 * (an omitted nullable field says the same); fields the provider adds beyond the set-up record are not judged.
 */
export function departure(setUp: unknown, returned: unknown, pointer = ''): string | undefined {
  if (setUp === null && returned === undefined) return undefined;
  if (Array.isArray(setUp)) {
    if (!Array.isArray(returned) || returned.length !== setUp.length) return pointer;
    for (const [index, item] of setUp.entries()) {
      const found = departure(item, returned[index], childPointer(pointer, index));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isJsonObject(setUp)) {
    if (!isJsonObject(returned)) return pointer;
    for (const [key, value] of Object.entries(setUp)) {
      const found = departure(value, returned[key], childPointer(pointer, key));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return Object.is(setUp, returned) ? undefined : pointer;
}

/** Flags a 200 whose record's kept fields (vendorIdentifier, syncData) are not those the state set up. */
export const recordUnchanged: Check = {
  id: ID,
  description: 'a success answer whose vendor or syncData is not the addressed integration\'s as set up (another tenant\'s or integration\'s record, or data the update reset)',
  documents: '`requestBody` carries only syncedEntityId; `responses.200` "The updated customer integration object." → the other fields are the integration\'s own',
  applies: (testCase) => expectsValid(testCase) && sendsValidKey(testCase),
  scenarios: ['existing'],
  needsResponse: true,
  beforeAnswer(_context, { scenario }) {
    return scenario.kind === 'existing' && scenario.record === undefined ? skip('the record as set up is unknown (a --fixture, not set up through the state URL)') : undefined;
  },
  run(context, exchange) {
    const { scenario } = exchange;
    // Narrowing only: the declared scenarios and beforeAnswer have set every other exchange aside.
    if (scenario.kind !== 'existing' || scenario.record === undefined) return notApplicable(`scenario ${scenario.kind}`);
    const gate = successRecord(context, exchange);
    if (!('record' in gate)) return gate;
    const where = context.facts.envelope === undefined ? '' : `/${context.facts.envelope}`;
    const findings: Finding[] = [];
    for (const [field, setUp] of Object.entries(scenario.record)) {
      const returned = gate.record[field];
      if (returned === undefined && setUp !== null) {
        findings.push(finding(ID, exchange, {
          kind: 'warning',
          message: `the answer omits ${where}/${field}, which the integration holds (the contract lets it be absent)`,
          expected: literal(setUp, 200),
          actual: '(absent)',
        }));
        continue;
      }
      const at = departure(setUp, returned);
      if (at === undefined) continue;
      findings.push(finding(ID, exchange, {
        message: `${where}/${field}${at} is not the addressed integration's as set up: the update carries only ${context.facts.updateField ?? 'the update field'}`,
        expected: literal(setUp, 200),
        actual: literal(returned, 200),
      }));
    }
    return findings;
  },
};
