/** idempotent: the same valid PATCH sent twice is answered alike. */
import { expectsValid, sendsValidKey } from './cases.js';
import { compareAnswers } from './compare.js';
import { finding, skip } from './finding.js';
import type { Check, Finding } from './types.js';

const ID = 'idempotent';

/** Flags a repeat of the same valid request answered with another status, body (200) or error code. */
export const idempotent: Check = {
  id: ID,
  description: 'the same valid request sent twice answered differently (status, 200 body, or error code)',
  documents: 'RFC 9110 §9.2.2 for a full replacement of the documented field: PATCH {syncedEntityId} twice → the same 200 body',
  needs: 'repeat',
  applies: (testCase) => expectsValid(testCase) && sendsValidKey(testCase),
  run(context, exchange) {
    const findings: Finding[] = [];
    const reasons: string[] = [];
    for (const related of (exchange.related ?? []).filter((r) => r.relation === 'repeat')) {
      const comparison = compareAnswers(exchange.response, related.response, context.facts.successStatus, context.facts.successSchema);
      if (comparison.kind === 'incomparable') reasons.push(comparison.reason);
      if (comparison.kind !== 'different') continue;
      const message = `the same request (${related.label}) was answered with a different ${comparison.what}`;
      findings.push(finding(ID, exchange, { message, expected: `${comparison.expected} (${related.label})`, actual: comparison.actual }));
    }
    return findings.length === 0 && reasons.length > 0 ? skip(reasons[0] ?? '') : findings;
  },
};
