/** Questions checks ask about a case and its scenario. */
import type { RequestCase } from '../arbitraries/types.js';
import { headerKey, headerValue } from '../http/headers.js';
import { mediaEssence } from '../http/media-type.js';
import type { ContractFacts } from './facts.js';
import { RATE_LIMITED_STATUS } from './documented.js';
import { notApplicable, skip } from './finding.js';
import type { NotApplicable, Skipped } from './check.js';
import type { Exchange, Scenario } from './types.js';

/** The case is meant to be accepted. */
export const expectsValid = (testCase: RequestCase): boolean => testCase.expect.intent === 'valid';

/** The runner sends the real API key with this case. */
export const sendsValidKey = (testCase: RequestCase): boolean => testCase.key === 'valid';

/** The case's invalid tag is about the API key (its header is missing or wrong), not about the input. */
export function breaksAuth(testCase: RequestCase, facts: ContractFacts): boolean {
  if (testCase.expect.intent !== 'invalid') return false;
  const { part, pointer, keyword } = testCase.expect.breaks;
  return keyword === 'auth' || (part === 'headers' && facts.apiKeyHeaders.includes(headerKey(pointer.slice(1))));
}

/** A case's invalid tag as the arbitraries name kinds (without the variant): `path/id:pattern`, `body/syncedEntityId:maxLength`. */
export function tagLabel(testCase: RequestCase): string {
  if (testCase.expect.intent !== 'invalid') return 'valid';
  const { part, pointer, keyword } = testCase.expect.breaks;
  return `${part}${pointer}:${keyword}`;
}

/**
 * Why a scenario does not describe the data this case addresses (the runner set up other ids), or undefined when
 * it does. Ids the scenario leaves out match anything.
 */
export function scenarioMismatch(testCase: RequestCase, scenario: Scenario, facts: ContractFacts): string | undefined {
  const customerParam = Object.keys(testCase.params).find((name) => name !== facts.resourceParam);
  const wanted: [string | undefined, string | undefined][] = [];
  if ('customerId' in scenario) wanted.push([customerParam, scenario.customerId]);
  if ('integrationId' in scenario) wanted.push([facts.resourceParam, scenario.integrationId]);
  for (const [param, value] of wanted) {
    if (param === undefined || value === undefined) continue;
    const sent = testCase.params[param];
    if (sent !== value) return `the ${scenario.kind} scenario is about ${param} ${JSON.stringify(value)}, the case addresses ${JSON.stringify(sent ?? '')}`;
  }
  return undefined;
}

/** The standard reason data-dependent checks give when the runner knows nothing about the data. */
export const UNKNOWN_DATA = 'no provider state or fixture: whether the customer and integration exist is unknown';

/** What a data-dependent check says of unknown data: not applicable when the runner planned it so, else a skip. */
export const unknownData = (scenario: Extract<Scenario, { kind: 'unknown' }>): Skipped | NotApplicable =>
  (scenario.planned === undefined ? skip(UNKNOWN_DATA) : notApplicable(scenario.planned));

/**
 * The case sends a body without the documented media type (another, or no Content-Type): a request in a form the
 * operation does not take, which HTTP itself answers 415 (Spring, ASP.NET Core and Fastify do so before any handler).
 */
export function sendsUnsupportedMediaType(testCase: RequestCase, facts: ContractFacts): boolean {
  if (facts.requestMediaType === undefined || testCase.rawBody === undefined) return false;
  const sent = headerValue(testCase.headers, 'content-type');
  return sent === undefined || mediaEssence(sent) !== mediaEssence(facts.requestMediaType);
}

/**
 * The answer is a rate limiter's "not now" (RFC 6585 §4), not an answer to the case: a 429 where the case did not mean
 * to meet one (neither the rate-limited state nor the probe that it is gone). It is evidence of nothing, either way.
 */
export function isLimiterRefusal(exchange: Pick<Exchange, 'response' | 'scenario'>): boolean {
  const { response, scenario } = exchange;
  if ('error' in response || response.status !== RATE_LIMITED_STATUS) return false;
  return scenario.kind !== 'rate-limited' && !(scenario.kind === 'torn-down' && scenario.effectStatus === RATE_LIMITED_STATUS);
}
