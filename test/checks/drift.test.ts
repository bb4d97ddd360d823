/**
 * Contract drift: an exchange's violations judged again under the next version of the contract. What the next
 * version allows becomes contract-drift naming both versions; what both forbid stays a violation, judged per check
 * (never per message); the case is what the next version makes of the request.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { parseContract, selectOperation } from '../../src/contract/index.js';
import { CHECKS, createCheckContext, intentUnder, judgeDrift, runChecks, type CheckContext, type CheckRun, type DriftJudge, type Exchange } from '../../src/checks/index.js';
import { bindOperation, openContract } from '../../src/validators/index.js';
import { checkContext, CUSTOMER, error, exchange, INTEGRATION, invalidCase, json, ok, testCase } from './fixtures.js';

const NEXT = fileURLToPath(new URL('../fixtures/contracts/stigg-api-7.65.0.openapi.yaml', import.meta.url));
const SHIPPED = fileURLToPath(new URL('../../contracts/stigg-api.openapi.yaml', import.meta.url));

/** The shipped contract with the request's syncedEntityId limited to `maxLength` instead of 255, as version 7.64.3. */
async function requestLimit(maxLength: number): Promise<CheckContext> {
  const text = readFileSync(SHIPPED, 'utf8').replace('version: 7.64.2', 'version: 7.64.3')
    .replace(/(UpdateCustomerIntegrationRequestDto:\n(?:.*\n){3}\s+type: string\n\s+maxLength: )255/, `$1${maxLength}`);
  const contract = await parseContract(text, `request-limit-${maxLength}.yaml`);
  return createCheckContext(bindOperation(contract, selectOperation(contract)));
}

/** An existing integration whose record the harness did not set up (a `--fixture`): the provider's own vendor. */
const FIXTURE = { kind: 'existing', customerId: CUSTOMER, integrationId: INTEGRATION } as const;

const kinds = (runs: readonly CheckRun[]): string[] => runs.flatMap((run) => ('findings' in run.outcome ? run.outcome.findings.map((finding) => `${run.check} ${finding.kind}`) : []));

describe('contract drift: what the next version allows, told apart from violations', () => {
  let pinned: CheckContext;
  let judge: DriftJudge;
  const judged = (j: DriftJudge, of: Exchange): CheckRun[] => judgeDrift(j, of, runChecks(CHECKS, j.pinned, of));
  before(async () => {
    pinned = await checkContext();
    judge = { checks: CHECKS, pinned, next: createCheckContext(await openContract(NEXT)) };
  });

  it('a vendor only the next version lists is drift, naming both versions; the check passes', () => {
    const runs = judged(judge, exchange(ok('cus_123', undefined, { vendorIdentifier: 'AIRWALLEX' }), { scenario: FIXTURE }));
    expect(kinds(runs)).to.deep.equal(['response_schema contract-drift']);
    const schema = runs.find((run) => run.check === 'response_schema')?.outcome;
    expect(schema?.status).to.equal('passed');
    const [finding] = schema && 'findings' in schema ? schema.findings : [];
    expect(finding?.message).to.match(/\/data\/vendorIdentifier must be equal to one of the allowed values .*; Stigg API 7\.64\.2 forbids it, Stigg API 7\.65\.0 allows it$/);
    expect(finding?.actual).to.equal('"AIRWALLEX"');
  });

  it('a vendor neither version lists stays a violation', () => {
    expect(kinds(judged(judge, exchange(ok('cus_123', undefined, { vendorIdentifier: 'NOPE' }), { scenario: FIXTURE })))).to.deep.equal(['response_schema violation']);
  });

  it('judged per check: when the next version still finds a violation in the check, all of its violations stay', () => {
    // syncedEntityId of 600 code points: over 255 in 7.64.2 and over 512 in 7.65.0.
    const runs = judged(judge, exchange(json(200, { data: { id: 'stripe-main', vendorIdentifier: 'AIRWALLEX', syncedEntityId: 'x'.repeat(600), syncData: null } }), { case: testCase({ rawBody: JSON.stringify({ syncedEntityId: 'x'.repeat(600) }) }), scenario: FIXTURE }));
    expect(kinds(runs).filter((line) => line.startsWith('response_schema'))).to.deep.equal(['response_schema violation', 'response_schema violation']);
  });

  it('an error status only the next version documents (409) is drift for the checks that judge statuses', () => {
    const runs = judged(judge, exchange(json(409, { message: 'syncing', code: 'IntegrationSyncInProgress' })));
    expect(kinds(runs)).to.include('status_documented contract-drift');
    expect(kinds(runs)).to.not.include('status_documented violation');
  });

  it('exchanges without a violation come back as they were', () => {
    const runs = runChecks(CHECKS, pinned, exchange(ok()));
    expect(judgeDrift(judge, exchange(ok()), runs)).to.deep.equal(runs);
  });

  it('a request the next version refuses: refusing it is drift (the case is invalid under the next version)', async () => {
    const narrowed: DriftJudge = { ...judge, next: await requestLimit(10) };
    const of = exchange(error(400, 'BadUserInput'), { case: testCase({ rawBody: '{"syncedEntityId":"cus_0123456789"}' }) });
    expect(intentUnder(narrowed, of.case)).to.deep.equal({ intent: 'invalid', breaks: { part: 'body', pointer: '/syncedEntityId', keyword: 'maxLength' } });
    expect(kinds(judged(narrowed, of))).to.deep.equal(['valid_input_accepted contract-drift']);
  });

  it('a request the next version accepts: accepting it is drift, while the answer both versions forbid stays a violation', async () => {
    const widened: DriftJudge = { ...judge, next: await requestLimit(300) };
    const long = 'x'.repeat(256);
    const of = exchange(ok(long), { case: invalidCase({ part: 'body', pointer: '/syncedEntityId', keyword: 'maxLength' }, { rawBody: JSON.stringify({ syncedEntityId: long }) }) });
    expect(intentUnder(widened, of.case)).to.deep.equal({ intent: 'valid' });
    expect(kinds(judged(widened, of))).to.deep.equal(['response_schema violation', 'invalid_input_rejected contract-drift']);
  });

  it('a wrong API key stays a wrong key whatever the next version says of the input', () => {
    const wrong = invalidCase({ part: 'headers', pointer: '/x-api-key', keyword: 'auth' }, { key: { wrong: '$STIGG_API_KEY-x' } });
    expect(intentUnder(judge, wrong)).to.deep.equal(wrong.expect);
    const missing = invalidCase({ part: 'headers', pointer: '/x-api-key', keyword: 'required' }, { key: 'missing' });
    expect(intentUnder(judge, missing)).to.deep.equal(missing.expect);
  });
});
