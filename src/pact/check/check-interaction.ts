/** Checks one interaction: its examples, then what each of its matchers admits beyond them. */
import type { OperationContract } from '../../validators/index.js';
import { checkExamples } from './examples.js';
import { httpOf } from './pact-http.js';
import type { InteractionContext, PactFinding } from './pact-finding.js';
import { probeBody, probeHeaders, type Revalidate } from './probe-values.js';
import { probePath, probeStatus } from './probe-path-status.js';
import { undecidable } from './probe.js';
import { rulesOf } from './rules.js';
import { isJsonObject } from '../../contract/json.js';


function warning(ctx: InteractionContext, message: string): PactFinding {
  return { kind: 'warning', file: ctx.file, interaction: ctx.interaction, side: 'request', source: 'example', location: ctx.location, pointer: '', keyword: 'interaction', message };
}

/** Why an interaction cannot be checked at all (not an object, not HTTP, no status), or undefined when it can. */
export function unusableInteraction(interaction: unknown, location: string): string | undefined {
  if (!isJsonObject(interaction)) return 'not an interaction object';
  const http = httpOf(interaction, location);
  return 'skip' in http ? http.skip : undefined;
}

/** Every finding of one interaction; a negative test's request matchers are not probed (its request is invalid on purpose). */
export function checkInteraction(contract: OperationContract, interaction: unknown, ctx: InteractionContext): PactFinding[] {
  if (!isJsonObject(interaction)) return [warning(ctx, 'not an interaction object; skipped')];
  const http = httpOf(interaction, ctx.location);
  if ('skip' in http) return [warning(ctx, `${http.skip}; skipped`)];
  const examples = checkExamples(contract, http, ctx);
  const requestRules = rulesOf(http.request.node, `${ctx.location}/request`);
  const responseRules = rulesOf(http.response.node, `${ctx.location}/response`);
  const findings = [
    ...examples.findings,
    ...requestRules.filter((rule) => rule.unreadable).map((rule) => undecidable(ctx, 'request', rule, 'its path is not one this check reads')),
    ...responseRules.filter((rule) => rule.unreadable).map((rule) => undecidable(ctx, 'response', rule, 'its path is not one this check reads')),
  ];
  const request = contract.validateRequest(http.request.exchange);
  if (request.matched && !examples.negative) {
    const revalidate: Revalidate = (change) => contract.validateRequest({ ...http.request.exchange, ...change });
    findings.push(
      ...probeBody(ctx, 'request', http.request, requestRules, revalidate),
      ...probeHeaders(ctx, 'request', http.request, requestRules, revalidate),
      ...probePath(ctx, contract.operation, http.request.exchange.path, requestRules, revalidate),
    );
  }
  const { status } = http.response.exchange;
  if (contract.operation.responses.some((response) => response.status === status)) {
    const revalidate: Revalidate = (change) => contract.validateResponse({ ...http.response.exchange, ...change });
    findings.push(...probeBody(ctx, 'response', http.response, responseRules, revalidate), ...probeHeaders(ctx, 'response', http.response, responseRules, revalidate));
  }
  findings.push(...probeStatus(ctx, contract.operation, status, responseRules));
  return findings;
}
