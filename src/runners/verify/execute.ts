/** Turns a planned case into an Exchange: the key injected at send time, related exchanges sent for the checks. */
import type { RequestCase } from '../../arbitraries/index.js';
import { API_KEY_PLACEHOLDER, retryAfterMs, type Check, type Exchange, type RelatedExchange, type ResponseOutcome, type SentRequest } from '../../checks/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { PlannedCase } from './cases.js';
import type { Transport, WireRequest } from './transport.js';

/** What sending needs besides the case. */
export interface SendContext {
  readonly contract: OperationContract;
  readonly transport: Transport;
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly checks: readonly Check[];
  /** Waits before every request; a 429 outside the rate-limited scenario makes it wait as told. */
  readonly backoff: Backoff;
}

/** Back-off as told by Retry-After, capped so a run always ends within its bounds. */
export class Backoff {
  private until = 0;
  waited = 0;
  constructor(private readonly maxWaitMs: number) {}
  /** Whether a Retry-After is still running (checked first, so the usual case costs no promise). */
  get pending(): boolean {
    return this.until > Date.now();
  }
  async wait(): Promise<void> {
    const delay = this.until - Date.now();
    if (delay <= 0) return;
    this.waited += delay;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  told(ms: number | undefined): void {
    this.until = Math.max(this.until, Date.now() + Math.min(ms ?? 1000, this.maxWaitMs));
  }
}

const GARBAGE = 'garbage %% ~!@#$ \t x';

function keyHeader(contract: OperationContract): string | undefined {
  return contract.operation.security[0]?.headerName;
}

/** The wire request, and its record with the key shown as the placeholder. */
export function wireOf(testCase: RequestCase, context: SendContext): { wire: WireRequest; sent: SentRequest } {
  const header = keyHeader(context.contract);
  const headers: Record<string, string> = { ...testCase.headers };
  const shown: Record<string, string> = { ...testCase.headers };
  if (header && testCase.key === 'valid') {
    headers[header] = context.apiKey;
    shown[header] = API_KEY_PLACEHOLDER;
  } else if (header && typeof testCase.key === 'object') {
    // A generated "wrong" key could in theory equal the real one; then it would not be wrong.
    const wrong = testCase.key.wrong === context.apiKey ? `${testCase.key.wrong}-not` : testCase.key.wrong;
    headers[header] = wrong;
    shown[header] = wrong;
  }
  return {
    wire: { method: testCase.method, path: testCase.path, headers, body: testCase.rawBody },
    sent: { method: testCase.method, url: context.baseUrl.replace(/\/$/, '') + testCase.path, path: testCase.path, headers: shown, rawBody: testCase.rawBody },
  };
}

/** Sends with back-off; parses a JSON body so checks need not. */
async function send(wire: WireRequest, context: SendContext, rateLimited: boolean): Promise<ResponseOutcome> {
  if (context.backoff.pending) await context.backoff.wait();
  const outcome = await context.transport.send(wire);
  if ('error' in outcome) return outcome;
  if (outcome.status === 429 && !rateLimited) context.backoff.told(retryAfterMs({ response: outcome }));
  if (!/json/i.test(outcome.headers['content-type'] ?? '') || outcome.rawBody === '') return outcome;
  try {
    return { ...outcome, body: JSON.parse(outcome.rawBody) as unknown };
  } catch {
    return outcome;
  }
}

function headerVariants(testCase: RequestCase, contract: OperationContract): Array<{ label: string; headers: Record<string, string> }> {
  const optional = contract.operation.headerParams.filter((p) => !p.required).map((p) => p.name);
  if (optional.length === 0) return [];
  const lower = new Set(optional.map((name) => name.toLowerCase()));
  const without = Object.fromEntries(Object.entries(testCase.headers).filter(([name]) => !lower.has(name.toLowerCase())));
  return [
    { label: `${optional.join(' and ')} absent`, headers: without },
    { label: `${optional.join(' and ')}: ${JSON.stringify(GARBAGE)}`, headers: { ...without, ...Object.fromEntries(optional.map((name) => [name, GARBAGE])) } },
  ];
}

/** Sends the case (and the related exchanges the selected checks need) and returns the Exchange. */
export async function execute(planned: PlannedCase, context: SendContext, replay?: Exchange['replay']): Promise<Exchange> {
  const rateLimited = planned.scenario.kind === 'rate-limited';
  const { wire, sent } = wireOf(planned.case, context);
  const response = await send(wire, context, rateLimited);
  const related: RelatedExchange[] = [];
  const needs = new Set(context.checks.filter((check) => check.needs && check.applies(planned.case)).map((check) => check.needs));
  const answered = !('error' in response) && response.status !== 429;
  if (answered && needs.has('repeat')) related.push({ relation: 'repeat', label: 'sent twice', request: sent, response: await send(wire, context, rateLimited) });
  if (answered && needs.has('header-variant')) {
    for (const variant of headerVariants(planned.case, context.contract)) {
      const other = wireOf({ ...planned.case, headers: variant.headers }, context);
      related.push({ relation: 'header-variant', label: variant.label, request: other.sent, response: await send(other.wire, context, rateLimited) });
    }
  }
  return { case: planned.case, scenario: planned.scenario, request: sent, response, ...(related.length ? { related } : {}), ...(replay ? { replay } : {}) };
}
