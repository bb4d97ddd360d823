/** response_schema: a documented response's body matches its schema, read as the validators read it. */
import type { ValidationIssue } from '../validators/index.js';
import { finding, notApplicable } from './finding.js';
import type { Check } from './check.js';
import type { Finding } from './types.js';

const ID = 'response_schema';
/** Issues other checks own: a body that is not JSON (not_a_server_error) and the media type (content_type). */
const OWNED_ELSEWHERE = new Set(['json', 'contentType']);
/** At most this many findings per exchange: the first few issues say enough. */
const MAX_PER_EXCHANGE = 5;

/** One issue per pointer: the last, as Ajv reports a combinator (`oneOf`) after its branches' complaints. */
function distinct(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const byPointer = new Map<string, ValidationIssue>();
  for (const issue of issues) if (!OWNED_ELSEWHERE.has(issue.keyword)) byPointer.set(issue.pointer, issue);
  return [...byPointer.values()];
}

/**
 * Flags bodies the intent reading rejects (violations) and, separately, bodies only the strict reading rejects
 * (contract defects: the document as written forbids what it plainly means to allow).
 */
export const responseSchema: Check = {
  id: ID,
  description: 'response bodies that do not match the documented schema of their status',
  documents: '`responses.<status>.content.application/json.schema` (e.g. CustomerIntegrationResponseDto for 200)',
  applies: () => true,
  needsResponse: true,
  run(context, exchange) {
    const { response } = exchange;
    // The runner's parsed body spares a second JSON.parse; otherwise the raw text is parsed (and judged) here.
    const body = response.body !== undefined ? { body: response.body } : { rawBody: response.rawBody };
    const result = context.contract.validateResponse({ status: response.status, headers: response.headers, ...body });
    if (!result.matched) return notApplicable(result.reason);
    // A body that is not JSON has no schema to meet: not_a_server_error judges it, this check does not pass it.
    if (result.intent.some((issue) => issue.keyword === 'json')) return notApplicable('the body is not JSON (not_a_server_error judges it)');
    const where = context.contract.operation.responses.find((documented) => documented.status === response.status)?.body?.pointer ?? '';
    const expected = `the ${response.status} schema${where ? ` at ${where}` : ''}`;
    const intent = distinct(result.intent);
    const findings: Finding[] = intent.map((issue) =>
      finding(ID, exchange, { message: `${response.status} body: ${issue.message}`, expected, actual: issue.value ?? '(missing)' }));
    if (intent.length === 0) {
      for (const issue of distinct(result.strict)) {
        findings.push(finding(ID, exchange, {
          kind: 'contract-defect',
          message: `${response.status} body: ${issue.message} under the contract as written; its intent reading accepts it (see \`stigg-contract lint\`)`,
          expected,
          actual: issue.value ?? '(missing)',
        }));
      }
    }
    return findings.slice(0, MAX_PER_EXCHANGE);
  },
};
