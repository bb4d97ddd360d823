/** Exchanges for check tests: a valid PATCH on an existing integration, and ways to break it. */
import type { BreakTag, RequestCase } from '../../src/arbitraries/types.js';
import { createCheckContext } from '../../src/checks/facts.js';
import type { CheckContext } from '../../src/checks/check.js';
import type { Exchange, ReceivedResponse, RelatedExchange, ResponseOutcome, Scenario, SentRequest } from '../../src/checks/types.js';
import { openContract } from '../../src/validators/index.js';

export const BASE_URL = 'http://127.0.0.1:4010';
export const CUSTOMER = 'acme-corp';
export const INTEGRATION = 'stripe-main';
export const PATH = `/api/v1/customers/${CUSTOMER}/integrations/${INTEGRATION}`;
export const EXISTING: Scenario = { kind: 'existing', customerId: CUSTOMER, integrationId: INTEGRATION, record: { vendorIdentifier: 'STRIPE', syncData: { dimensions: 'seats' } } };

let context: CheckContext | undefined;

/** The shipped contract's check context, built once. */
export async function checkContext(): Promise<CheckContext> {
  context ??= createCheckContext(await openContract());
  return context;
}

/** A generated case: valid by default. */
export function testCase(overrides: Partial<RequestCase> = {}): RequestCase {
  return {
    method: 'PATCH',
    path: PATH,
    params: { id: CUSTOMER, integrationId: INTEGRATION },
    encoding: 'unreserved',
    headers: { 'Content-Type': 'application/json' },
    key: 'valid',
    rawBody: '{"syncedEntityId":"cus_123"}',
    expect: { intent: 'valid' },
    ...overrides,
  };
}

/** An invalid case breaking `tag`. */
export const invalidCase = (tag: BreakTag, overrides: Partial<RequestCase> = {}): RequestCase =>
  testCase({ expect: { intent: 'invalid', breaks: tag }, ...overrides });

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): ReceivedResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, rawBody: JSON.stringify(body), elapsedMs: 3 };
}

/** The 200 body for the integration with `syncedEntityId`. */
export const ok = (syncedEntityId: string | null = 'cus_123', id = INTEGRATION, extra: Record<string, unknown> = {}): ReceivedResponse =>
  json(200, { data: { id, vendorIdentifier: 'STRIPE', syncedEntityId, syncData: { dimensions: 'seats' }, ...extra } });

/** An error response. */
export const error = (status: number, code: unknown, headers: Record<string, string> = {}): ReceivedResponse =>
  json(status, { message: `error ${String(code)}`, code }, headers);

/** The recorded request for a case. */
export function sent(c: RequestCase): SentRequest {
  const headers: Record<string, string> = { ...c.headers };
  if (c.key === 'valid') headers['X-API-KEY'] = '$STIGG_API_KEY';
  else if (c.key !== 'missing') headers['X-API-KEY'] = c.key.wrong;
  return { method: c.method, url: `${BASE_URL}${c.path}`, path: c.path, headers, rawBody: c.rawBody };
}

/** An exchange: the case (valid by default), its response, the scenario (existing by default). */
export function exchange(response: ResponseOutcome, options: { case?: RequestCase; scenario?: Scenario; related?: readonly RelatedExchange[] } = {}): Exchange {
  const c = options.case ?? testCase();
  return {
    case: c,
    scenario: options.scenario ?? EXISTING,
    request: sent(c),
    response,
    ...(options.related ? { related: options.related } : {}),
    replay: { seed: 42, path: '3:1' },
  };
}

/** A related exchange of the same request. */
export const related = (relation: RelatedExchange['relation'], label: string, response: ResponseOutcome): RelatedExchange =>
  ({ relation, label, request: sent(testCase()), response });
