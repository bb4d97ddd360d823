/**
 * The preconditions checks declare and runCheck applies (src/checks/run.ts): which checks need a response, which take
 * a 429 as no evidence, which scenarios each judges, and the outcomes those make — the skip reasons and statuses the
 * checks gave when each carried its own copy of these lines.
 */
import { expect } from 'chai';
import { CHECKS, checkById } from '../../src/checks/registry.js';
import { runCheck } from '../../src/checks/run.js';
import type { RequestCase } from '../../src/arbitraries/types.js';
import type { CheckOutcome } from '../../src/checks/check.js';
import type { Exchange, ResponseOutcome, Scenario } from '../../src/checks/types.js';
import { CUSTOMER, EXISTING, INTEGRATION, checkContext, error, exchange, invalidCase, ok, related, testCase } from './fixtures.js';

const TIMEOUT: ResponseOutcome = { error: 'timeout', message: 'no complete response within 400 ms' };
const TOO_LARGE: ResponseOutcome = { error: 'too-large', message: 'response body over 1048576 bytes (status 200)' };
const LIMITED = error(429, 'RateLimitExceeded', { 'retry-after': '1' });
const RATE_LIMITED_REASON = 'rate limited (429): no evidence either way';
const UNKNOWN_DATA = 'no provider state or fixture: whether the customer and integration exist is unknown';

const tooLong = invalidCase({ part: 'body', pointer: '/syncedEntityId', keyword: 'maxLength' }, { rawBody: `{"syncedEntityId":"${'x'.repeat(300)}"}` });
const repeat = [related('repeat', 'sent twice', ok())];
const variants = [related('header-variant', 'X-ACCOUNT-ID absent', ok())];

/** Per check: its declarations, and a case, scenario and related exchanges it judges when an answer comes. */
const DECLARED: Readonly<Record<string, { needsResponse: boolean; onRateLimited?: 'skip'; scenarios?: readonly Scenario['kind'][]; case?: RequestCase; scenario?: Scenario; related?: Exchange['related'] }>> = {
  not_a_server_error: { needsResponse: false },
  status_documented: { needsResponse: true },
  content_type: { needsResponse: true },
  response_schema: { needsResponse: true },
  error_code_documented: { needsResponse: true },
  auth_required: { needsResponse: true, onRateLimited: 'skip', case: testCase({ key: 'missing' }) },
  invalid_input_rejected: { needsResponse: true, onRateLimited: 'skip', case: tooLong },
  valid_input_accepted: { needsResponse: true, onRateLimited: 'skip', scenarios: ['existing'] },
  update_applied: { needsResponse: true, scenarios: ['existing', 'unknown'] },
  addressed_resource: { needsResponse: true, scenarios: ['existing', 'unknown'] },
  record_unchanged: { needsResponse: true, scenarios: ['existing'] },
  not_found_codes: { needsResponse: true, onRateLimited: 'skip', scenarios: ['no-customer', 'no-integration'], scenario: { kind: 'no-customer', customerId: CUSTOMER } },
  access_denied: { needsResponse: true, onRateLimited: 'skip', scenarios: ['forbidden'], scenario: { kind: 'forbidden', customerId: CUSTOMER } },
  rate_limit_shape: { needsResponse: true },
  idempotent: { needsResponse: true, onRateLimited: 'skip', related: repeat },
  optional_headers_harmless: { needsResponse: true, onRateLimited: 'skip', related: variants },
  state_teardown: { needsResponse: true, scenarios: ['torn-down'], scenario: { kind: 'torn-down', state: 'the API key is rate limited', effectStatus: 429, tries: 2 } },
};

async function outcome(id: string, response: ResponseOutcome, overrides: { scenario?: Scenario; case?: RequestCase } = {}): Promise<CheckOutcome> {
  const check = checkById(id);
  const declared = DECLARED[id];
  if (!check || !declared) throw new Error(`no check ${id}`);
  const scenario = overrides.scenario ?? declared.scenario ?? EXISTING;
  const built = exchange(response, { case: overrides.case ?? declared.case ?? testCase(), scenario, ...(declared.related ? { related: declared.related } : {}) });
  return runCheck(check, await checkContext(), built);
}

const skipped = (reason: string): CheckOutcome => ({ status: 'skipped', reason });

describe('checks: declared preconditions, applied once by runCheck', () => {
  it('every check declares them (the table here is the list, so a change to one is a change to this test)', () => {
    expect(CHECKS.map((check) => check.id)).to.have.members(Object.keys(DECLARED));
    for (const check of CHECKS) {
      const declared = DECLARED[check.id];
      expect({ needsResponse: check.needsResponse === true, onRateLimited: check.onRateLimited, scenarios: check.scenarios }, check.id)
        .to.deep.equal({ needsResponse: declared?.needsResponse, onRateLimited: declared?.onRateLimited, scenarios: declared?.scenarios });
    }
  });

  it('a check needing a response skips a transport failure, naming it; not_a_server_error judges it', async () => {
    for (const check of CHECKS) {
      for (const failure of [TIMEOUT, TOO_LARGE]) {
        const got = await outcome(check.id, failure);
        if (check.needsResponse) expect(got, check.id).to.deep.equal(skipped(`no response (${'error' in failure ? failure.error : ''})`));
        else expect(got.status, check.id).to.equal('failed');
      }
    }
  });

  it('a 429 is no evidence either way for the seven checks that say so; the others judge it', async () => {
    for (const check of CHECKS) {
      const got = await outcome(check.id, LIMITED);
      if (check.onRateLimited === 'skip') expect(got, check.id).to.deep.equal(skipped(RATE_LIMITED_REASON));
      else expect(got, check.id).to.not.deep.equal(skipped(RATE_LIMITED_REASON));
    }
    expect(CHECKS.filter((check) => check.onRateLimited === 'skip')).to.have.length(7);
  });

  it('a check with scenarios skips unknown data (unless it judges it), finds other kinds not applicable, and skips data about other ids', async () => {
    const kinds: readonly Scenario[] = [EXISTING, { kind: 'no-customer', customerId: CUSTOMER }, { kind: 'no-integration', customerId: CUSTOMER, integrationId: INTEGRATION }, { kind: 'forbidden', customerId: CUSTOMER }, { kind: 'rate-limited' }, { kind: 'unknown' }];
    for (const check of CHECKS.filter((c) => c.scenarios !== undefined)) {
      for (const scenario of kinds) {
        const got = await outcome(check.id, ok(), { scenario });
        if (check.scenarios?.includes(scenario.kind)) expect(got.status, `${check.id} on ${scenario.kind}`).to.not.equal('not-applicable');
        else expect(got, `${check.id} on ${scenario.kind}`).to.deep.equal(scenario.kind === 'unknown' ? skipped(UNKNOWN_DATA) : { status: 'not-applicable' });
      }
      const judged = check.scenarios?.find((kind) => kind !== 'unknown');
      const elsewhere = (judged === 'existing' ? { ...EXISTING, customerId: 'other-customer' } : { kind: judged, customerId: 'other-customer' }) as Scenario;
      expect(await outcome(check.id, TIMEOUT, { scenario: elsewhere }), check.id)
        .to.deep.equal(skipped(`the ${judged ?? ''} scenario is about id "other-customer", the case addresses "${CUSTOMER}"`));
    }
  });

  it('what a check decides before the answer comes first: the intent-only note and a fixture\'s unknown record stand without an answer', async () => {
    const emptyId = invalidCase({ part: 'path', pointer: '/integrationId', keyword: 'minLength' }, { path: `/api/v1/customers/${CUSTOMER}/integrations/`, params: { id: CUSTOMER, integrationId: '' } });
    for (const response of [TIMEOUT, LIMITED]) {
      const note = await outcome('invalid_input_rejected', response, { case: emptyId });
      expect(note.status === 'failed' && note.findings.map((f) => f.kind)).to.deep.equal(['contract-defect']);
      expect(await outcome('invalid_input_rejected', response, { case: tooLong, scenario: { kind: 'forbidden', customerId: CUSTOMER } })).to.deep.equal({ status: 'not-applicable' });
    }
    const fixture: Scenario = { kind: 'existing', customerId: CUSTOMER, integrationId: INTEGRATION };
    expect(await outcome('record_unchanged', TIMEOUT, { scenario: fixture })).to.deep.equal(skipped('the record as set up is unknown (a --fixture, not set up through the state URL)'));
    expect(await outcome('auth_required', TIMEOUT)).to.deep.equal(skipped('no response (timeout)'));
  });
});
