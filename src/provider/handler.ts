/**
 * PATCH /api/v1/customers/{id}/integrations/{integrationId}, as composable steps. The order is the documented
 * decision order of the provider (first failing step answers):
 *   1. 401 Unauthenticated    X-API-KEY missing or unknown           (nothing else is looked at)
 *   2. 429 RateLimitExceeded  the key is over its limit, or forced    (every authenticated request takes a token)
 *   3. 400 BadUserInput       path parameters: `id`, then `integrationId` (percent-decoded first)
 *   4. 403 AccessDeniedError  the key may not access customer `id`   (needs only the slug, so before the body)
 *   5. 400 BadUserInput       Content-Type, body size, UTF-8, JSON, then the body's shape
 *   6. 404 CustomerNotFound, then IntegrationNotFound
 *   7. 200 the whole updated record
 */
import type { IncomingMessage } from 'node:http';
import { authenticate, authorize, limitRate } from './auth.js';
import { badInput, errorResponse, readBodyText, type ProviderResponse } from './http-io.js';
import type { IntegrationRecord } from './model.js';
import type { RawOperationPath } from './path.js';
import type { RateLimiter } from './rate-limit.js';
import type { Store } from './store.js';
import { checkContentType, checkPathParams, checkUpdateBody, parseJson, type Checked, type UpdateIntegrationBody } from './validate-input.js';

/** What the operation needs; a variant can pass its own store or limiter. */
export interface OperationDeps {
  readonly store: Store;
  readonly limiter: RateLimiter;
  readonly apiKey: string;
  readonly bodyLimitBytes: number;
}

/** The operation's handler: the request (body still unread) and its raw path segments in, a response out. */
export type OperationHandler = (request: IncomingMessage, path: RawOperationPath) => Promise<ProviderResponse>;

/** Reads and checks the body: Content-Type, size, UTF-8, JSON, then UpdateCustomerIntegrationRequestDto. */
export async function readUpdateBody(request: IncomingMessage, limitBytes: number): Promise<Checked<UpdateIntegrationBody>> {
  const contentTypeIssue = checkContentType(request.headers['content-type']);
  if (contentTypeIssue) return { ok: false, issue: contentTypeIssue };
  const body = await readBodyText(request, limitBytes);
  if (!body.ok) return body;
  const json = parseJson(body.text);
  return json.ok ? checkUpdateBody(json.value) : json;
}

/** The 200 body: `{"data": record}`; `syncData` is always present, `null` when the integration has none. */
export function integrationResponse(record: IntegrationRecord): ProviderResponse {
  const { id, vendorIdentifier, syncedEntityId, syncData } = record;
  return { status: 200, body: { data: { id, vendorIdentifier, syncedEntityId, syncData } } };
}

/** Steps 6-7: the existence checks and the write, in one synchronous step so no other request interleaves. */
export function applyUpdate(store: Store, customerId: string, integrationId: string, body: UpdateIntegrationBody): ProviderResponse {
  if (!store.customer(customerId)) {
    return errorResponse(404, 'CustomerNotFound', `customer ${JSON.stringify(customerId)} not found`);
  }
  const updated = store.updateSyncedEntityId(customerId, integrationId, body.syncedEntityId);
  if (!updated) {
    const message = `integration ${JSON.stringify(integrationId)} not found for customer ${JSON.stringify(customerId)}`;
    return errorResponse(404, 'IntegrationNotFound', message);
  }
  return integrationResponse(updated);
}

/** Composes steps 1-7. */
export function createOperationHandler(deps: OperationDeps): OperationHandler {
  return async (request, path) => {
    const refused = authenticate(request.headers, deps.apiKey) ?? limitRate(deps.limiter, deps.apiKey);
    if (refused) return refused;
    const params = checkPathParams(path);
    if (!params.ok) return badInput(params.issue);
    const { customerId, integrationId } = params.value;
    const forbidden = authorize(deps.store, customerId);
    if (forbidden) return forbidden;
    const body = await readUpdateBody(request, deps.bodyLimitBytes);
    if (!body.ok) return badInput(body.issue);
    return applyUpdate(deps.store, customerId, integrationId, body.value);
  };
}
