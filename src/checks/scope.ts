/**
 * What a check may hold a request to. A request whose path is not an instance of the operation's template (an
 * empty segment, a trailing slash, extra segments) is not a request of this operation; a constraint that only the
 * intent reading has (a lint repair) cannot make an answer wrong. Both answers are worked out once per exchange.
 */
import { matchPath } from '../contract/path.js';
import type { ValidationIssue } from '../validators/index.js';
import type { CheckContext } from './check.js';
import type { Exchange } from './types.js';

const addressed = new WeakMap<Exchange, boolean>();
const readings = new WeakMap<Exchange, RequestReadings>();

/** The request's issues under each reading of the contract (empty lists: both accept it). */
export interface RequestReadings {
  readonly strict: readonly ValidationIssue[];
  readonly intent: readonly ValidationIssue[];
}

/** Whether the request's path instantiates the operation's template with a non-empty segment per parameter. */
export function addressesOperation(context: CheckContext, exchange: Exchange): boolean {
  const known = addressed.get(exchange);
  if (known !== undefined) return known;
  const { operation } = context.contract;
  const params = exchange.request.method.toUpperCase() === operation.method ? matchPath(operation.pathTemplate, exchange.request.path) : undefined;
  const answer = params !== undefined && Object.values(params).every((segment) => segment !== '');
  addressed.set(exchange, answer);
  return answer;
}

/** Why an exchange is outside the operation, for not-applicable results. */
export const OFF_TEMPLATE = 'the path is not an instance of the operation\'s template: not a request of this operation';

/** The request's issues under both readings, as the validators find them on what was sent. */
export function requestReadings(context: CheckContext, exchange: Exchange): RequestReadings {
  const known = readings.get(exchange);
  if (known) return known;
  const { request } = exchange;
  const result = context.contract.validateRequest({ method: request.method, path: request.path, headers: request.headers, ...(request.rawBody === undefined ? {} : { rawBody: request.rawBody }) });
  const answer: RequestReadings = result.matched ? { strict: result.strict, intent: result.intent } : { strict: [], intent: [] };
  readings.set(exchange, answer);
  return answer;
}

/** The contract as written accepts the request; only a repair of the intent reading rejects it. */
export function onlyIntentRejects(context: CheckContext, exchange: Exchange): boolean {
  const { strict, intent } = requestReadings(context, exchange);
  return strict.length === 0 && intent.length > 0;
}

/** The intent reading accepts the request; the contract as written rejects it. */
export function onlyStrictRejects(context: CheckContext, exchange: Exchange): boolean {
  const { strict, intent } = requestReadings(context, exchange);
  return intent.length === 0 && strict.length > 0;
}
