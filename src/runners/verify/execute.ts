/**
 * Turns a planned case into an Exchange: the key injected at send time, sent with back-off, and the related requests
 * the selected checks compare it with sent right after it. Bodies stay raw until parse-bodies.
 */
import type { Check, Exchange, RelatedExchange } from '../../checks/index.js';
import type { OperationContract } from '../../validators/index.js';
import { sendWithBackoff, type Backoff } from './backoff.js';
import type { PlannedCase } from './planned-cases.js';
import type { ProviderHealth } from './control.js';
import { wireOf } from './key-injection.js';
import { withParsedBodies } from './parse-bodies.js';
import { headerVariants, relatedNeeds } from './related-requests.js';
import type { Transport } from './transport.js';
import { RATE_LIMITED_STATUS } from '../../checks/index.js';


/** What sending needs besides the case. */
export interface SendContext {
  readonly contract: OperationContract;
  readonly transport: Transport;
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Extra headers sent with every request (`--header`). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly checks: readonly Check[];
  /** Waits before every request; a 429 outside the rate-limited scenario makes it wait as told. */
  readonly backoff: Backoff;
  /** Sees every outcome, to stop the run when the provider has stopped answering. */
  readonly health?: ProviderHealth;
}

/** Sends the case (and the related exchanges the selected checks need); bodies stay raw (see withParsedBodies). */
export async function executeRaw(planned: PlannedCase, context: SendContext, replay?: Exchange['replay']): Promise<Exchange> {
  const meetsRateLimit = planned.scenario.kind === 'rate-limited';
  const { wire, sent } = wireOf(planned.case, context);
  const response = await sendWithBackoff(wire, context, meetsRateLimit);
  const related: RelatedExchange[] = [];
  const needs = relatedNeeds(planned.case, context.checks);
  const answered = !('error' in response) && response.status !== RATE_LIMITED_STATUS;
  if (answered && needs.repeat) related.push({ relation: 'repeat', label: 'sent twice', request: sent, response: await sendWithBackoff(wire, context, meetsRateLimit) });
  if (answered && needs.variants) {
    for (const variant of headerVariants(planned.case, context.contract)) {
      const other = wireOf({ ...planned.case, headers: variant.headers }, context);
      related.push({ relation: 'header-variant', label: variant.label, request: other.sent, response: await sendWithBackoff(other.wire, context, meetsRateLimit) });
    }
  }
  return { case: planned.case, scenario: planned.scenario, request: sent, response, ...(related.length ? { related } : {}), ...(replay ? { replay } : {}) };
}

/** Sends the case (and the related exchanges the selected checks need) and returns the Exchange, bodies parsed. */
export async function execute(planned: PlannedCase, context: SendContext, replay?: Exchange['replay']): Promise<Exchange> {
  return withParsedBodies(await executeRaw(planned, context, replay));
}
