/**
 * After a provider state with an effect on answers is torn down, one valid request where it had its effect: a key
 * still rate limited, a customer still forbidden, is found in a few requests and named (check state_teardown),
 * instead of showing as minutes of 429s waited out, or as an unrelated failure later.
 */
import fc from 'fast-check';
import { validRequest } from '../../arbitraries/index.js';
import { FORBIDDEN_STATUS, RATE_LIMITED_STATUS, runChecks, type CheckContext, type Exchange, type Scenario } from '../../checks/index.js';
import type { RunListener } from '../../events/index.js';
import { STATE } from '../../pact/state-names.js';
import { Backoff } from './backoff.js';
import { execute, type SendContext } from './execute.js';
import type { Fixture } from './plan.js';
import type { StateChange } from './state-client.js';

/** The states whose effect a request shows, and that effect. */
const EFFECTS: Readonly<Record<string, number>> = { [STATE.rateLimited]: RATE_LIMITED_STATUS, [STATE.forbidden]: FORBIDDEN_STATUS };

/** The longest wait between tries (a limiter's Retry-After may say more: a state never lifts, however long one waits). */
const WAIT_CAP_MS = 1_000;
/** Requests sent in all before the effect counts as kept: more than a gateway's limiter refuses in a row by chance. */
const ATTEMPTS = 2;

/** Whether a torn-down state has an effect a probe can see. */
export const hasEffect = (change: StateChange): boolean => EFFECTS[change.state] !== undefined;

/**
 * The path parameters a probe of `change` addresses: for a forbidden customer that customer (with an integration id
 * the run knows), for a rate-limited key any existing record.
 */
function probeParams(change: StateChange, existing: Fixture, customerParam: string): Readonly<Record<string, string>> {
  const customerId = change.params['customerId'];
  return change.state === STATE.forbidden && typeof customerId === 'string' ? { ...existing.params, [customerParam]: customerId } : existing.params;
}

/**
 * Probes one torn-down state: a valid request where the state had its effect, sent again (with waits of at most a
 * second as Retry-After says) while the effect shows; the last exchange is judged and reported. True when the
 * effect outlived every try.
 */
export async function probeTeardown(change: StateChange, existing: Fixture, send: SendContext, context: CheckContext, listener: RunListener, seed: number): Promise<boolean> {
  const effectStatus = EFFECTS[change.state];
  const [customerParam] = Object.keys(existing.params);
  if (effectStatus === undefined || customerParam === undefined) return false;
  const params = probeParams(change, existing, customerParam);
  const [testCase] = fc.sample(validRequest(context.contract, { params }), { seed, numRuns: 1 });
  if (!testCase) return false;
  // Its own back-off: short waits, so a state that never lifts is told from a limiter in seconds, not minutes.
  const probing: SendContext = { ...send, checks: send.checks.filter((check) => check.needs === undefined), backoff: new Backoff(WAIT_CAP_MS, ATTEMPTS * 4 * WAIT_CAP_MS) };
  const customerId = params[customerParam];
  let exchange: Exchange | undefined;
  for (let tries = 1; tries <= ATTEMPTS; tries++) {
    const scenario: Scenario = { kind: 'torn-down', state: change.state, effectStatus, tries, ...(customerId === undefined ? {} : { customerId }) };
    exchange = { ...(await execute({ case: testCase, scenario }, probing)), edgeClass: `state:teardown:${change.state}`, edgeKind: 'state/teardown' };
    if ('error' in exchange.response || exchange.response.status !== effectStatus) break;
  }
  if (!exchange) return false;
  listener.onExchange?.(exchange, runChecks(send.checks, context, exchange));
  return !('error' in exchange.response) && exchange.response.status === effectStatus;
}
