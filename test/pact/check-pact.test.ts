import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { checkPactDocument, checkPactExitCode, checkPacts, type CheckPactReport, type PactFinding } from '../../src/pact/check-pact.js';
import { PACT_DIR } from '../../src/pact/names.js';
import { openContract, type OperationContract } from '../../src/validators/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/pacts/', import.meta.url));
const fixture = (name: string): string => `${FIXTURES}${name}.json`;
const brief = (finding: PactFinding): string => `${finding.kind} ${finding.source} ${finding.location} ${finding.pointer} ${finding.keyword}`;

describe('check-pact: pacts held to the contract', () => {
  let contract: OperationContract;
  const check = (name: string): Promise<CheckPactReport> => checkPacts([fixture(name)], { contract });
  before(async () => {
    contract = await openContract();
  });

  it('the committed pacts/ have no violation; only the contract\'s own defects show, as contract defects', async () => {
    const report = await checkPacts([PACT_DIR], { contract });
    expect(report.unusable).to.deep.equal([]);
    expect(report.checked).to.have.length.of.at.least(1);
    expect(report.findings.filter((finding) => finding.kind !== 'contract-defect')).to.deep.equal([]);
    // Price-billing syncData matches two overlapping oneOf branches; every error `code` admits null (nullable),
    // which the enum as written omits.
    const errors = ['an update for a customer slug that breaks the slug pattern', 'an update for a customer that does not exist',
      'an update of a customer the API key may not access', 'an update of an integration the customer does not have',
      'an update while the API key is rate limited', 'an update whose syncedEntityId is longer than 255 characters', 'an update without an API key'];
    expect(new Set(report.findings.map((finding) => `${finding.interaction}: ${finding.pointer} ${finding.keyword}`))).to.deep.equal(new Set([
      'an update of an integration whose sync data is price billing: /data/syncData oneOf',
      ...errors.map((description) => `${description}: /code enum`),
    ]));
    expect(checkPactExitCode(report)).to.equal(0);
    expect(checkPactExitCode(report, true)).to.equal(1);
  });

  it('clean pacts in spec 4 and spec 3 form have no findings at all', async () => {
    for (const name of ['clean', 'clean-v3']) {
      const report = await check(name);
      expect(report.findings, name).to.deep.equal([]);
      expect(checkPactExitCode(report)).to.equal(0);
    }
  });

  const caught: ReadonlyArray<readonly [string, string]> = [
    ['undocumented-status', 'violation example /interactions/0/response/status  status'],
    ['wrong-type', 'violation example /interactions/0/response/body/content/data/id /data/id type'],
    ['missing-required', 'violation example /interactions/0/response/body/content/data/vendorIdentifier /data/vendorIdentifier required'],
    ['enum-value', 'violation example /interactions/0/response/body/content/data/vendorIdentifier /data/vendorIdentifier enum'],
    ['request-wrong-type', 'violation example /interactions/0/request/body/content/syncedEntityId /syncedEntityId type'],
    ['loose-enum-matcher', 'violation matcher /interactions/0/response/matchingRules/body/$.data.vendorIdentifier /data/vendorIdentifier enum'],
    ['regex-enum-extra-member', 'violation matcher /interactions/0/response/matchingRules/body/$.data.vendorIdentifier /data/vendorIdentifier enum'],
    ['loose-path-regex', 'violation matcher /interactions/0/request/matchingRules/path /id pattern'],
    ['status-class-matcher', 'violation matcher /interactions/0/response/matchingRules/status/$  status'],
  ];
  for (const [name, expected] of caught) {
    it(`catches ${name}: ${expected}`, async () => {
      const report = await check(name);
      expect(report.findings.map(brief)).to.deep.equal([expected]);
      expect(report.findings[0]?.interaction).to.be.a('string').and.not.equal('');
      expect(checkPactExitCode(report)).to.equal(1);
    });
  }

  it('names what a loose matcher admits and why the contract rejects it', async () => {
    const [finding] = (await check('regex-enum-extra-member')).findings;
    expect(finding?.message).to.match(/admits "PAYPAL", which the contract rejects: \/data\/vendorIdentifier must be equal to one of the allowed values/);
  });

  const unusable: ReadonlyArray<readonly [string, RegExp]> = [
    ['other-provider', /a pact for provider "billing-api", not "stigg-api"/],
    ['malformed', /not JSON/],
    ['not-a-pact', /not a pact: no consumer\.name, provider\.name, interactions/],
    ['does-not-exist', /cannot read: ENOENT/],
  ];
  for (const [name, reason] of unusable) {
    it(`reports ${name} as unusable input (exit 2), and still checks the other files`, async () => {
      const report = await checkPacts([fixture(name), fixture('clean')], { contract });
      expect(report.unusable).to.have.length(1);
      expect(report.unusable[0]?.reason).to.match(reason);
      expect(report.checked.map((pact) => pact.file)).to.deep.equal([fixture('clean')]);
      expect(checkPactExitCode(report)).to.equal(2);
    });
  }

  it('a directory means its *.json files; an empty one is unusable', async () => {
    const report = await checkPacts([FIXTURES], { contract });
    expect(report.checked.length + report.unusable.length).to.equal(14);
    const dir = await mkdtemp(join(tmpdir(), 'stigg-no-pacts-'));
    try {
      const empty = await checkPacts([dir], { contract });
      expect(empty.unusable[0]?.reason).to.match(/no pact files/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes a request the contract rejects as a negative test when the interaction expects a documented 4xx', () => {
    const interaction = (status: number): unknown => ({
      description: `too long, expecting ${status}`,
      request: { method: 'PATCH', path: '/api/v1/customers/acme/integrations/i', headers: { 'X-API-KEY': 'k', 'Content-Type': 'application/json' }, body: { syncedEntityId: 'x'.repeat(256) } },
      response: { status, headers: { 'Content-Type': 'application/json' }, body: status === 200 ? { data: { id: 'i', vendorIdentifier: 'STRIPE', syncedEntityId: 'x' } } : { message: 'bad', code: 'BadUserInput' } },
    });
    const pact = { consumer: { name: 'c' }, provider: { name: 'stigg-api' }, interactions: [interaction(400), interaction(200)] };
    expect(checkPactDocument(pact, 'inline', contract).map(brief)).to.deep.equal(['violation example /interactions/1/request/body/syncedEntityId /syncedEntityId maxLength']);
  });

  it('a type matcher on a string at its maximum length inside a oneOf is no loose matcher (Pact cannot bound lengths)', () => {
    const syncData = { billingId: 'b'.repeat(255), billingLinkUrl: 'https://x' };
    const interaction = {
      description: 'billing syncData at its longest',
      request: { method: 'PATCH', path: '/api/v1/customers/acme/integrations/i', headers: { 'X-API-KEY': 'k', 'Content-Type': 'application/json' }, body: { syncedEntityId: 'x' } },
      response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: { data: { id: 'i', vendorIdentifier: 'STRIPE', syncedEntityId: 'x', syncData } },
        matchingRules: { body: { '$.data.syncData.billingId': { combine: 'AND', matchers: [{ match: 'type' }] } } } },
    };
    const pact = { consumer: { name: 'c' }, provider: { name: 'stigg-api' }, interactions: [interaction] };
    expect(checkPactDocument(pact, 'inline', contract).map(brief)).to.deep.equal([]);
  });

  it('warns about matchers it cannot evaluate and interactions that are not HTTP', () => {
    const interaction = {
      description: 'a date matcher',
      request: { method: 'PATCH', path: '/api/v1/customers/acme/integrations/i', headers: { 'X-API-KEY': 'k', 'Content-Type': 'application/json' }, body: { syncedEntityId: '2024-01-01' },
        matchingRules: { body: { '$.syncedEntityId': { combine: 'AND', matchers: [{ match: 'date', format: 'yyyy-MM-dd' }] } } } },
      response: { status: 404, headers: { 'Content-Type': 'application/json' }, body: { message: 'm', code: 'CustomerNotFound' } },
    };
    const pact = { consumer: { name: 'c' }, provider: { name: 'stigg-api' }, interactions: [interaction, { description: 'a message', type: 'Asynchronous/Messages' }] };
    expect(checkPactDocument(pact, 'inline', contract).map((finding) => `${finding.kind} ${finding.location}`)).to.deep.equal([
      'warning /interactions/0/request/matchingRules/body/$.syncedEntityId',
      'warning /interactions/1',
    ]);
  });

  it('a pact none of whose interactions can be read is unusable (exit 2), as is one with none; a bad status is named, not NaN', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'check-pact-'));
    try {
      const pact = (interactions: unknown[]): string => JSON.stringify({ consumer: { name: 'c' }, provider: { name: 'stigg-api' }, interactions, metadata: { pactSpecification: { version: '4.0' } } });
      await writeFile(join(dir, 'junk.json'), pact([null, 5, 'x']));
      await writeFile(join(dir, 'empty.json'), pact([]));
      const report = await checkPacts([join(dir, 'junk.json'), join(dir, 'empty.json')], { contract });
      expect(report.unusable.map((u) => u.reason)).to.deep.equal(['none of its 3 interactions is an HTTP interaction this check can read', 'the pact has no interactions']);
      expect(checkPactExitCode(report)).to.equal(2);
      const clean = JSON.parse(await readFile(fixture('clean'), 'utf8')) as { interactions: Array<{ response: { status: unknown } }> };
      const bad = structuredClone(clean.interactions[0]);
      if (bad) bad.response.status = 'abc';
      const findings = checkPactDocument({ ...clean, interactions: [...clean.interactions, bad] } as never, 'mixed.json', contract);
      const messages = findings.map((f) => f.message).join('\n');
      expect(messages).to.contain('the response status "abc" is not an integer; skipped').and.not.contain('NaN');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
