/** Turns a planned case into an Exchange: the key injected at send time, related exchanges sent for the checks. */
import type { RequestCase } from '../../arbitraries/index.js';
import { API_KEY_PLACEHOLDER, retryAfterMs, type Check, type Exchange, type RelatedExchange, type ResponseOutcome, type SentRequest } from '../../checks/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { PlannedCase } from './cases.js';
import type { ProviderHealth } from './control.js';
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
  /** Sees every outcome, to stop the run when the provider has stopped answering. */
  readonly health?: ProviderHealth;
}

/** A request answered 429 outside the rate-limited scenario is sent again at most this many times. */
const RATE_LIMIT_RETRIES = 3;

/**
 * Back-off as told by Retry-After (1 s when it says nothing), each wait capped, and all waits together within a
 * budget, so a run behind a gateway's global rate limiter still ends within its bounds.
 */
export class Backoff {
  private until = 0;
  /** Wall-clock milliseconds the run was held back by Retry-After, for the report. */
  waited = 0;
  constructor(private readonly maxWaitMs: number, private readonly budgetMs = 60_000) {}
  /** Whether a Retry-After is still running (checked first, so the usual case costs no promise). */
  get pending(): boolean {
    return this.until > Date.now();
  }
  /** Whether waiting and sending again is still within the budget. */
  get canRetry(): boolean {
    return this.waited < this.budgetMs;
  }
  async wait(): Promise<void> {
    const delay = this.until - Date.now();
    if (delay <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  /** A 429 said to wait `ms`: the pause is extended, and only the extension counts (requests wait it together). */
  told(ms: number | undefined): void {
    const now = Date.now();
    const until = now + Math.min(ms ?? 1000, this.maxWaitMs);
    if (until <= this.until) return;
    this.waited += until - Math.max(this.until, now);
    this.until = until;
  }
}

const GARBAGE = 'garbage %% ~!@#$ \t x';

/** What sending needs to know of the contract, worked out once per contract rather than once per request. */
interface SendShape {
  readonly keyHeader: string | undefined;
  /** The optional header parameters, lower-cased, with the labels of the two variants. */
  readonly optional: ReadonlySet<string>;
  readonly garbage: Readonly<Record<string, string>>;
  readonly absentLabel: string;
  readonly garbageLabel: string;
}

const shapes = new WeakMap<OperationContract, SendShape>();

function shapeOf(contract: OperationContract): SendShape {
  const known = shapes.get(contract);
  if (known) return known;
  const names = contract.operation.headerParams.filter((p) => !p.required).map((p) => p.name);
  const shape: SendShape = {
    keyHeader: contract.operation.security[0]?.headerName,
    optional: new Set(names.map((name) => name.toLowerCase())),
    garbage: Object.fromEntries(names.map((name) => [name, GARBAGE])),
    absentLabel: `${names.join(' and ')} absent`,
    garbageLabel: `${names.join(' and ')}: ${JSON.stringify(GARBAGE)}`,
  };
  shapes.set(contract, shape);
  return shape;
}

/** The wire request, and its record with the key shown as the placeholder. */
export function wireOf(testCase: RequestCase, context: SendContext): { wire: WireRequest; sent: SentRequest } {
  const header = shapeOf(context.contract).keyHeader;
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
  const base = context.baseUrl.endsWith('/') ? context.baseUrl.slice(0, -1) : context.baseUrl;
  return {
    wire: { method: testCase.method, path: testCase.path, headers, body: testCase.rawBody },
    sent: { method: testCase.method, url: base + testCase.path, path: testCase.path, headers: shown, rawBody: testCase.rawBody },
  };
}

/**
 * Sends with back-off. Outside the rate-limited scenario a 429 is a limiter's "not now", not an answer to judge:
 * wait as told and send again (bounded). The body stays raw until {@link withParsedBodies}.
 */
async function send(wire: WireRequest, context: SendContext, rateLimited: boolean): Promise<ResponseOutcome> {
  for (let attempt = 0; ; attempt++) {
    if (context.backoff.pending) await context.backoff.wait();
    const outcome = await context.transport.send(wire);
    context.health?.observe(outcome);
    if (rateLimited || 'error' in outcome || outcome.status !== 429) return outcome;
    context.backoff.told(retryAfterMs({ response: outcome }));
    if (attempt === RATE_LIMIT_RETRIES || !context.backoff.canRetry) return outcome;
  }
}

/** A JSON body parsed once, so checks need not; anything else stays raw. */
function parsed(outcome: ResponseOutcome): ResponseOutcome {
  if ('error' in outcome || outcome.body !== undefined || outcome.rawBody === '' || !/json/i.test(outcome.headers['content-type'] ?? '')) return outcome;
  try {
    return { ...outcome, body: JSON.parse(outcome.rawBody) as unknown };
  } catch {
    return outcome;
  }
}

/**
 * The exchange with every JSON body parsed. Kept apart from sending so a caller can parse while its next request
 * is on the wire rather than between two requests.
 */
export function withParsedBodies(exchange: Exchange): Exchange {
  const related = exchange.related?.map((r) => ({ ...r, response: parsed(r.response) }));
  return { ...exchange, response: parsed(exchange.response), ...(related ? { related } : {}) };
}

function headerVariants(testCase: RequestCase, shape: SendShape): Array<{ label: string; headers: Record<string, string> }> {
  if (shape.optional.size === 0) return [];
  const without: Record<string, string> = {};
  for (const name in testCase.headers) if (!shape.optional.has(name.toLowerCase())) without[name] = testCase.headers[name] as string;
  return [
    { label: shape.absentLabel, headers: without },
    { label: shape.garbageLabel, headers: { ...without, ...shape.garbage } },
  ];
}

/** Which related exchanges the selected checks want for this case. */
function needsOf(testCase: RequestCase, checks: readonly Check[]): { repeat: boolean; variants: boolean } {
  let repeat = false;
  let variants = false;
  for (const check of checks) {
    if (!check.needs || (repeat && variants) || !check.applies(testCase)) continue;
    if (check.needs === 'repeat') repeat = true;
    else if (check.needs === 'header-variant') variants = true;
  }
  return { repeat, variants };
}

/** Sends the case (and the related exchanges the selected checks need); bodies stay raw (see withParsedBodies). */
export async function executeRaw(planned: PlannedCase, context: SendContext, replay?: Exchange['replay']): Promise<Exchange> {
  const rateLimited = planned.scenario.kind === 'rate-limited';
  const { wire, sent } = wireOf(planned.case, context);
  const response = await send(wire, context, rateLimited);
  const related: RelatedExchange[] = [];
  const needs = needsOf(planned.case, context.checks);
  const answered = !('error' in response) && response.status !== 429;
  if (answered && needs.repeat) related.push({ relation: 'repeat', label: 'sent twice', request: sent, response: await send(wire, context, rateLimited) });
  if (answered && needs.variants) {
    for (const variant of headerVariants(planned.case, shapeOf(context.contract))) {
      const other = wireOf({ ...planned.case, headers: variant.headers }, context);
      related.push({ relation: 'header-variant', label: variant.label, request: other.sent, response: await send(other.wire, context, rateLimited) });
    }
  }
  return { case: planned.case, scenario: planned.scenario, request: sent, response, ...(related.length ? { related } : {}), ...(replay ? { replay } : {}) };
}

/** Sends the case (and the related exchanges the selected checks need) and returns the Exchange, bodies parsed. */
export async function execute(planned: PlannedCase, context: SendContext, replay?: Exchange['replay']): Promise<Exchange> {
  return withParsedBodies(await executeRaw(planned, context, replay));
}
