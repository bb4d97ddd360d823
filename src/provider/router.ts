/** Dispatch: the operation, the state-change endpoint, and a JSON 404 for everything else. */
import type { IncomingMessage } from 'node:http';
import { errorResponse, readBodyText, type ProviderResponse } from './http-io.js';
import type { OperationHandler } from './handler.js';
import { matchOperationPath, OPERATION_PATH_TEMPLATE, pathnameOf, STATE_CHANGE_PATH } from './path.js';
import { parseStateChange, type ProviderStates } from './states.js';
import { parseJson } from './validate-input.js';

/** A whole request in, a response (as data) out. Wrap one to build a variant of the provider. */
export type RequestHandler = (request: IncomingMessage) => Promise<ProviderResponse>;

/**
 * Anything that is not the operation or the state endpoint: 404 with `CustomerResourceNotFound`, the most general
 * code of the documented 404 enum (the contract documents no "no such route" code). Decided before
 * authentication: a route's absence is no secret.
 */
export function notFoundRoute(method: string, pathname: string): ProviderResponse {
  const message =
    `no route ${method} ${pathname.slice(0, 200)}; this provider serves PATCH ${OPERATION_PATH_TEMPLATE}` +
    ` and POST ${STATE_CHANGE_PATH}`;
  return errorResponse(404, 'CustomerResourceNotFound', message);
}

/** The state-change endpoint: reads `{"state","params","action"}` and applies it. */
export function createStateChangeHandler(states: ProviderStates, limitBytes: number): RequestHandler {
  return async (request) => {
    const text = await readBodyText(request, limitBytes);
    if (!text.ok) return errorResponse(400, 'BadUserInput', text.issue.message);
    const json = parseJson(text.text);
    if (!json.ok) return errorResponse(400, 'BadUserInput', json.issue.message.replace('request body', 'state change'));
    const change = parseStateChange(json.value);
    return typeof change === 'string' ? errorResponse(400, 'BadUserInput', change) : states.apply(change);
  };
}

/** Routes by method and raw path (segments are decoded later, by the operation, after authentication). */
export function createRouter(routes: { readonly operation: OperationHandler; readonly stateChange: RequestHandler }): RequestHandler {
  return async (request) => {
    const method = request.method ?? '';
    const pathname = pathnameOf(request.url ?? '');
    const operationPath = matchOperationPath(pathname);
    if (operationPath && method === 'PATCH') return routes.operation(request, operationPath);
    if (pathname === STATE_CHANGE_PATH && method === 'POST') return routes.stateChange(request);
    const response = notFoundRoute(method, pathname);
    const allow = operationPath ? 'PATCH' : pathname === STATE_CHANGE_PATH ? 'POST' : undefined;
    return allow ? { ...response, headers: { allow } } : response;
  };
}
