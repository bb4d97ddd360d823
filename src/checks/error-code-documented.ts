/** error_code_documented: an error body's `code` is one its status documents. */
import { finding, jsonOf, literal, notApplicable, propertyOf } from './finding.js';
import type { Check } from './check.js';

const ID = 'error_code_documented';

/** Lists a few members of a long enum. */
export function listCodes(codes: readonly unknown[], max = 6): string {
  const named = codes.filter((code) => code !== null);
  const shown = named.slice(0, max).map((code) => JSON.stringify(code)).join(', ');
  const nullable = named.length < codes.length ? ', or null' : '';
  return `one of ${shown}${named.length > max ? `, … (${named.length} in all)` : ''}${nullable}`;
}

/** Flags a `code` outside its status' enum (intent reading); warns on a null code, which names no error. */
export const errorCodeDocumented: Check = {
  id: ID,
  description: 'error codes outside the enum documented for that status',
  documents: '`<status> … ErrorResponseDto.code`: an enum per status (e.g. 404: CustomerNotFound, IntegrationNotFound, …)',
  applies: () => true,
  needsResponse: true,
  run(context, exchange) {
    const { response } = exchange;
    const codes = context.facts.errorCodes(response.status);
    if (codes === undefined) return notApplicable(`status ${response.status} documents no error code`);
    const body = jsonOf(response);
    if (body.kind !== 'json' || propertyOf(body.value, 'code') === undefined) return notApplicable('no code in the body (response_schema reports it)');
    const code = propertyOf(body.value, 'code');
    if (!codes.includes(code)) {
      return [finding(ID, exchange, {
        message: `${response.status} code ${literal(code)} is not documented for ${response.status}`,
        expected: listCodes(codes),
        actual: literal(code),
      })];
    }
    if (code === null) {
      return [finding(ID, exchange, {
        kind: 'warning',
        message: `${response.status} code is null: allowed, but names no error a client can act on`,
        expected: listCodes(codes.filter((c) => c !== null)),
        actual: 'null',
      })];
    }
    return [];
  },
};
