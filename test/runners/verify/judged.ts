/**
 * How many exchanges each check must judge in a verify run against a legitimate provider, worked out from what the
 * run planned and sent (each exchange's case and scenario), not from what the checks made of the answers: so a check
 * that silently judges nothing (not applicable or skipped where it should decide) fails the legitimate suite.
 * The one answer allowed to go unjudged is a 429, which the checks that say so take as no evidence either way.
 */
import { breaksAuth, expectsValid, sendsUnsupportedMediaType, sendsValidKey } from '../../../src/checks/cases.js';
import { RATE_LIMITED_STATUS } from '../../../src/checks/documented.js';
import { addressesOperation, onlyIntentRejects } from '../../../src/checks/scope.js';
import type { Check, CheckContext, CheckRun, Exchange } from '../../../src/checks/index.js';
import type { RunListener } from '../../../src/events/index.js';

type Planned = (context: CheckContext, exchange: Exchange) => boolean;

const isRateLimited = (outcome: Exchange['response']): boolean => !('error' in outcome) && outcome.status === RATE_LIMITED_STATUS;

const onTemplate: Planned = (context, exchange) => addressesOperation(context, exchange);
/** A valid request with the key, on the operation's path, about data of these kinds. */
const validOn = (...kinds: Exchange['scenario']['kind'][]): Planned => (context, exchange) =>
  onTemplate(context, exchange) && expectsValid(exchange.case) && sendsValidKey(exchange.case) && kinds.includes(exchange.scenario.kind);
/** On the operation's path, in the documented media type: answered with a documented status and body by any provider. */
const documentedForm: Planned = (context, exchange) => onTemplate(context, exchange) && !sendsUnsupportedMediaType(exchange.case, context.facts);

/** The plan sent the related exchanges of this kind with it (the systematic list sends most cases alone). */
const withRelated = (relation: 'repeat' | 'header-variant', planned: Planned): Planned => (context, exchange) =>
  planned(context, exchange) && (exchange.related ?? []).some((related) => related.relation === relation);

/** Per check: the planned exchanges every legitimate provider's answer to must be judged (passed, or failed with a note). */
const MUST_JUDGE: Readonly<Record<string, Planned>> = {
  not_a_server_error: () => true,
  status_documented: onTemplate,
  content_type: documentedForm,
  response_schema: documentedForm,
  // Every answer but a success: invalid input, no key, and valid requests on missing, forbidden or limited data.
  error_code_documented: (context, exchange) => documentedForm(context, exchange) && !validOn('existing', 'unknown')(context, exchange),
  auth_required: (context, exchange) => onTemplate(context, exchange) && !sendsValidKey(exchange.case),
  invalid_input_rejected: (context, exchange) => onTemplate(context, exchange) && exchange.case.expect.intent === 'invalid' && sendsValidKey(exchange.case) &&
    !breaksAuth(exchange.case, context.facts) && !onlyIntentRejects(context, exchange) && !['forbidden', 'rate-limited'].includes(exchange.scenario.kind),
  valid_input_accepted: validOn('existing'),
  update_applied: validOn('existing'),
  addressed_resource: validOn('existing'),
  record_unchanged: (context, exchange) => validOn('existing')(context, exchange) && exchange.scenario.kind === 'existing' && exchange.scenario.record !== undefined,
  not_found_codes: validOn('no-customer', 'no-integration'),
  access_denied: validOn('forbidden'),
  rate_limit_shape: validOn('rate-limited'),
  state_teardown: validOn('torn-down'),
  idempotent: withRelated('repeat', validOn('existing', 'unknown', 'no-customer', 'no-integration', 'forbidden')),
  optional_headers_harmless: withRelated('header-variant', (context, exchange) => onTemplate(context, exchange) && sendsValidKey(exchange.case)),
};

/** Per check: the exchanges it had to judge (its minimum) and those it judged (passed, or failed). */
export interface JudgedTally {
  readonly minimum: Readonly<Record<string, number>>;
  readonly judged: Readonly<Record<string, number>>;
}

/** A listener counting, per check, the exchanges it must judge and those it judged. */
export function judgedTally(context: CheckContext, checks: readonly Check[]): RunListener & { readonly tally: JudgedTally } {
  const minimum: Record<string, number> = Object.fromEntries(checks.map((check) => [check.id, 0]));
  const judged: Record<string, number> = { ...minimum };
  return {
    tally: { minimum, judged },
    onExchange(exchange: Exchange, runs: readonly CheckRun[]) {
      const limited = [exchange.response, ...(exchange.related ?? []).map((related) => related.response)].some(isRateLimited);
      for (const check of checks) {
        const planned = MUST_JUDGE[check.id];
        if (planned === undefined) throw new Error(`no minimum rule for check ${check.id}`);
        if (planned(context, exchange) && !(limited && check.onRateLimited === 'skip')) minimum[check.id] = (minimum[check.id] ?? 0) + 1;
      }
      for (const { check, outcome } of runs) if (outcome.status === 'passed' || outcome.status === 'failed') judged[check] = (judged[check] ?? 0) + 1;
    },
  };
}

/** The checks that judged fewer exchanges than the run planned for them, or had none planned at all. */
export function underJudged(tally: JudgedTally): string[] {
  return Object.entries(tally.minimum).flatMap(([id, minimum]) => {
    const judged = tally.judged[id] ?? 0;
    if (minimum === 0) return [`${id}: the run planned nothing it must judge`];
    return judged < minimum ? [`${id}: judged ${judged} of the ${minimum} exchanges planned for it`] : [];
  });
}
