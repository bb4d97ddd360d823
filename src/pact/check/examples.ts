/** The examples of an interaction, validated as they stand: request and response, both readings. */
import type { ExchangeResult, OperationContract } from '../../validators/index.js';
import type { PactHttp } from './pact-http.js';
import { classify, issueLocation, type InteractionContext, type PactFinding } from './pact-finding.js';

/** The findings, and whether the request is a deliberate negative test (then its matchers are not probed). */
export interface ExampleCheck {
  readonly findings: PactFinding[];
  readonly negative: boolean;
}

const isClientError = (status: number): boolean => status >= 400 && status < 500;

function unmatched(ctx: InteractionContext, side: 'request' | 'response', reason: string): PactFinding {
  const keyword = side === 'response' ? 'status' : reason.startsWith('method') ? 'method' : 'path';
  return { kind: 'violation', file: ctx.file, interaction: ctx.interaction, side, source: 'example', location: `${ctx.location}/${side}/${keyword}`, pointer: '', keyword, message: reason };
}

function fromResult(ctx: InteractionContext, http: PactHttp, side: 'request' | 'response', result: ExchangeResult & { matched: true }): PactFinding[] {
  return classify(result.strict, result.intent).map(({ kind, issue }) => ({
    kind, file: ctx.file, interaction: ctx.interaction, side, source: 'example' as const,
    location: issueLocation(issue, http[side], `${ctx.location}/${side}`),
    pointer: issue.pointer, keyword: issue.keyword, message: issue.message,
  }));
}

function queryFindings(ctx: InteractionContext, query: unknown): PactFinding[] {
  const present = typeof query === 'string' ? query !== '' : query !== null && typeof query === 'object' && Object.keys(query).length > 0;
  if (!present) return [];
  return [{ kind: 'warning', file: ctx.file, interaction: ctx.interaction, side: 'request', source: 'example', location: `${ctx.location}/request/query`, pointer: '', keyword: 'query', message: 'the contract documents no query parameters for this operation' }];
}

/**
 * Validates both examples. A request the contract rejects is a negative test, not a finding, when the interaction
 * expects a documented 4xx: that is how a consumer pins the provider's answer to bad input (400) or no key (401).
 */
export function checkExamples(contract: OperationContract, http: PactHttp, ctx: InteractionContext): ExampleCheck {
  const request = contract.validateRequest(http.request.exchange);
  const response = contract.validateResponse(http.response.exchange);
  const status = http.response.exchange.status;
  const negative = request.matched && request.intent.length > 0 && response.matched && isClientError(status);
  const findings: PactFinding[] = [...queryFindings(ctx, http.request.query)];
  if (!request.matched) findings.push(unmatched(ctx, 'request', request.reason));
  else if (!negative) findings.push(...fromResult(ctx, http, 'request', request));
  if (!response.matched) findings.push(unmatched(ctx, 'response', response.reason));
  else findings.push(...fromResult(ctx, http, 'response', response));
  return { findings, negative };
}
