/** addressed_resource: the success answer is about the integration the path addressed. */
import { decodeSegment, matchPath } from '../contract/path.js';
import { expectsValid, sendsValidKey } from './cases.js';
import { RECORD_ID_FIELD } from './documented.js';
import { finding, literal, propertyOf, skip } from './finding.js';
import { successRecord } from './success-record.js';
import type { Check } from './check.js';
import type { Exchange } from './types.js';

const ID = 'addressed_resource';

/** The resource id as the server saw it: decoded from the path as sent (the case's value when it does not match). */
function addressedId(template: string, exchange: Exchange, param: string): string | undefined {
  const raw = matchPath(template, exchange.request.path)?.[param];
  return (raw === undefined ? undefined : decodeSegment(raw)) ?? exchange.case.params[param];
}

/** Flags a 200 whose record `id` is not the path's decoded integrationId (record_unchanged judges the other fields). */
export const addressedResource: Check = {
  id: ID,
  description: 'a success answer about another integration than the one the path addressed',
  documents: 'path parameter `integrationId` ("Integration details") → `responses.200` data.id',
  applies: (testCase) => expectsValid(testCase) && sendsValidKey(testCase),
  scenarios: ['existing', 'unknown'],
  needsResponse: true,
  run(context, exchange) {
    const param = context.facts.resourceParam;
    if (param === undefined) return skip('the path has no parameter naming the resource');
    const gate = successRecord(context, exchange);
    if (!('record' in gate)) return gate;
    const where = context.facts.envelope === undefined ? '' : `${context.facts.envelope}.`;
    const expected = addressedId(context.contract.operation.pathTemplate, exchange, param);
    const returned = propertyOf(gate.record, RECORD_ID_FIELD);
    if (returned !== expected) {
      return [finding(ID, exchange, {
        message: `${where}${RECORD_ID_FIELD} is not the ${param} the path addressed`,
        expected: literal(expected, 200),
        actual: literal(returned, 200),
      })];
    }
    return [];
  },
};
