/** auth_required: a missing or wrong API key is refused 401; with bad input as well, 401 or 400 (order left open). */
import { breaksAuth, sendsUnsupportedMediaType, tagLabel } from './cases.js';
import { BAD_INPUT_STATUS, UNAUTHENTICATED_STATUS, UNSUPPORTED_MEDIA_TYPE_STATUS } from './documented.js';
import { describeOutcome, finding, notApplicable, skip } from './finding.js';
import type { Check, CheckContext } from './check.js';
import type { Exchange } from './types.js';
import { headerKey } from '../http/headers.js';

const ID = 'auth_required';

/**
 * The input constraint the request breaks besides the key, or undefined: its own tag when that is not about the key,
 * else what either reading finds in the path, headers and body as sent (an auth-first case breaks both).
 */
function inputFault(context: CheckContext, exchange: Exchange): string | undefined {
  const testCase = exchange.case;
  if (testCase.expect.intent === 'invalid' && !breaksAuth(testCase, context.facts)) return tagLabel(testCase);
  const result = context.contract.validateRequest({ method: testCase.method, path: testCase.path, headers: testCase.headers, ...(testCase.rawBody === undefined ? {} : { rawBody: testCase.rawBody }) });
  if (!result.matched) return undefined;
  const isKey = (issue: { part: string; pointer: string }): boolean => issue.part === 'headers' && context.facts.apiKeyHeaders.includes(headerKey(issue.pointer.slice(1)));
  const issue = [...result.intent, ...result.strict].find((found) => !isKey(found));
  return issue ? `${issue.part}${issue.pointer}:${issue.keyword}` : undefined;
}

/** The case sends a wrong key with a byte outside visible ASCII (a no-break space), which HTTP calls obs-text. */
const sendsObsText = (exchange: Exchange): boolean => typeof exchange.case.key === 'object' && /[^\t\x20-\x7e]/.test(exchange.case.key.wrong);

/**
 * Flags anything but 401 for a request without the right key. When the request also breaks an input constraint,
 * the contract documents both 401 and 400 for it and does not order them (body parsers and schema validation run
 * before authentication in many frameworks): a 400 (or HTTP's 415 for a body in another media type) is a warning.
 */
export const authRequired: Check = {
  id: ID,
  description: 'requests with the API key missing or wrong that are not refused 401 (400 allowed, with a warning, when the input is bad too)',
  documents: '`security: ApiKeyAuth` (X-API-KEY header) and `responses.401` "User is not authenticated."',
  applies: (testCase) => testCase.key !== 'valid',
  needsResponse: true,
  // A gateway's global rate limiter may answer before authentication: no evidence either way.
  onRateLimited: 'skip',
  beforeAnswer(context) {
    if (context.facts.apiKeyHeaders.length === 0) return notApplicable('the operation needs no API key');
    if (!context.facts.statuses.includes(UNAUTHENTICATED_STATUS)) return skip(`the contract documents no ${UNAUTHENTICATED_STATUS}`);
    return undefined;
  },
  run(context, exchange) {
    const { response } = exchange;
    if (response.status === UNAUTHENTICATED_STATUS) return [];
    const how = exchange.case.key === 'missing' ? 'without an API key' : 'with a wrong API key';
    const refusedInput = response.status === BAD_INPUT_STATUS || (response.status === UNSUPPORTED_MEDIA_TYPE_STATUS && sendsUnsupportedMediaType(exchange.case, context.facts));
    const fault = refusedInput ? inputFault(context, exchange) : undefined;
    if (fault !== undefined) {
      return [finding(ID, exchange, {
        kind: 'warning',
        message: `a request ${how} and with bad input (${fault}) was answered ${response.status}, not 401: input judged first (the contract leaves the order open)`,
        expected: `${UNAUTHENTICATED_STATUS} (or ${BAD_INPUT_STATUS})`,
        actual: describeOutcome(response),
      })];
    }
    if (response.status === BAD_INPUT_STATUS && sendsObsText(exchange)) {
      return [finding(ID, exchange, {
        kind: 'warning',
        message: `a request with a wrong API key holding a byte outside visible ASCII was answered ${response.status}, not 401: an HTTP layer may refuse such a header value (RFC 9110 §5.5, obs-text)`,
        expected: String(UNAUTHENTICATED_STATUS),
        actual: describeOutcome(response),
      })];
    }
    const verb = response.status < 300 ? 'accepted' : 'answered';
    return [finding(ID, exchange, {
      message: `a request ${how} was ${verb} ${response.status}`,
      expected: String(UNAUTHENTICATED_STATUS),
      actual: describeOutcome(response),
    })];
  },
};
