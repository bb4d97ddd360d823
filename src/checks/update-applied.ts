/** update_applied: the success answer carries the value the request set. */
import { expectsValid, sendsValidKey } from './cases.js';
import { finding, literal, propertyOf, skip } from './finding.js';
import { successRecord } from './success-record.js';
import type { Check } from './check.js';

const ID = 'update_applied';

/** The sent value of the update field, or why there is none. */
function sentValue(rawBody: string | undefined, field: string): { value: unknown } | { reason: string } {
  try {
    const parsed: unknown = rawBody === undefined ? undefined : JSON.parse(rawBody);
    if (parsed !== null && typeof parsed === 'object' && Object.hasOwn(parsed, field)) return { value: propertyOf(parsed, field) };
  } catch {
    // A valid case always sends JSON; if it does not, say so below rather than guess.
  }
  return { reason: `the case's body has no ${field}` };
}

/** Flags a 200 whose record's update field (`data.syncedEntityId`) differs from what was sent, null included. */
export const updateApplied: Check = {
  id: ID,
  description: 'a success answer whose record does not hold the value just sent (null included)',
  documents: '`requestBody` UpdateCustomerIntegrationRequestDto.syncedEntityId → `responses.200` "The updated customer integration object."',
  applies: (testCase) => expectsValid(testCase) && sendsValidKey(testCase),
  scenarios: ['existing', 'unknown'],
  needsResponse: true,
  run(context, exchange) {
    const field = context.facts.updateField;
    if (field === undefined) return skip('the request body schema has no single required field to compare');
    const gate = successRecord(context, exchange);
    if (!('record' in gate)) return gate;
    const sent = sentValue(exchange.case.rawBody, field);
    if ('reason' in sent) return skip(sent.reason);
    const where = `${context.facts.envelope ?? ''}.${field}`.replace(/^\./, '');
    if (!Object.hasOwn(gate.record, field)) {
      return [finding(ID, exchange, { message: `the success record has no ${where}`, expected: literal(sent.value, 200), actual: '(absent)' })];
    }
    const returned = gate.record[field];
    if (returned === sent.value) return [];
    return [finding(ID, exchange, { message: `${where} in the answer is not the value sent`, expected: literal(sent.value, 200), actual: literal(returned, 200) })];
  },
};
