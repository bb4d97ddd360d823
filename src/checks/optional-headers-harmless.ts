/** optional_headers_harmless: the optional headers, present, absent or garbage, change nothing for API-key auth. */
import { sendsValidKey } from './cases.js';
import { compareAnswers } from './compare.js';
import { finding, skip } from './finding.js';
import type { Check, Finding } from './types.js';

const ID = 'optional_headers_harmless';

/** Flags a header variant of the same request answered with another status, body (200) or error code. */
export const optionalHeadersHarmless: Check = {
  id: ID,
  description: 'X-ACCOUNT-ID / X-ENVIRONMENT-ID (present, absent, garbage) changing the answer to an API-key request',
  documents: 'header parameters X-ACCOUNT-ID and X-ENVIRONMENT-ID: optional, "Ignored for API-key auth."',
  needs: 'header-variant',
  applies: sendsValidKey,
  run(context, exchange) {
    const findings: Finding[] = [];
    const reasons: string[] = [];
    for (const related of (exchange.related ?? []).filter((r) => r.relation === 'header-variant')) {
      const comparison = compareAnswers(exchange.response, related.response, context.facts.successStatus, context.facts.successSchema);
      if (comparison.kind === 'incomparable') reasons.push(comparison.reason);
      if (comparison.kind !== 'different') continue;
      const message = `with ${related.label} the answer had a different ${comparison.what}`;
      findings.push(finding(ID, exchange, { message, expected: `${comparison.expected} (${related.label})`, actual: comparison.actual }));
    }
    return findings.length === 0 && reasons.length > 0 ? skip(reasons[0] ?? '') : findings;
  },
};
