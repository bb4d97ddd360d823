import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { BadInputError, ForbiddenError, NotFoundError, RateLimitedError, StiggApiError, UnauthenticatedError } from '../../src/client/index.js';
import { catalogue, FAKE_API_KEY, type CatalogueEntry } from '../../src/pact/catalogue.js';
import { recordInteraction } from '../../src/pact/consumer.js';
import { exerciseEntry, type Outcome } from '../../src/pact/exercise.js';
import { interactionSpec } from '../../src/pact/interaction.js';
import { PACT_DIR, pactFileName } from '../../src/pact/names.js';
import { admitNullables } from '../../src/pact/nullable-rules.js';
import { loadPact, promotePacts, serialisePact, type PactDocument } from '../../src/pact/pact-file.js';
import { STATE } from '../../src/pact/state-names.js';
import { openContract, type OperationContract } from '../../src/validators/index.js';

const CANARY = 'canary-STIGG_API_KEY-4e1d9b7c';
const ERROR_CLASS: Readonly<Record<number, new (...args: never[]) => StiggApiError>> = { 400: BadInputError, 401: UnauthenticatedError, 403: ForbiddenError, 404: NotFoundError, 429: RateLimitedError };

/** The client got what the interaction promises: the integration for a 200, the typed error (and code) otherwise. */
function expectOutcome(entry: CatalogueEntry, outcome: Outcome | undefined): void {
  const body = entry.response.body as { data?: unknown; code?: unknown };
  if (entry.response.status === 200) {
    expect(outcome).to.deep.equal({ ok: true, value: body.data });
    return;
  }
  if (outcome?.ok !== false) throw new Error(`expected ${entry.response.status}, got ${JSON.stringify(outcome)}`);
  expect(outcome.error).to.be.instanceOf(ERROR_CLASS[entry.response.status]).and.include({ status: entry.response.status, code: body.code });
}

async function recordAll(entries: readonly CatalogueEntry[], contract: OperationContract, dir: string): Promise<void> {
  for (const entry of entries) await recordInteraction(interactionSpec(entry, contract), dir, (url) => exerciseEntry(entry, url, { contract }));
}

async function recordedPact(dir: string): Promise<PactDocument> {
  const loaded = await loadPact(join(dir, pactFileName()));
  if (!loaded.ok) throw new Error(loaded.reason);
  return loaded.pact;
}

// The catalogue is built from the contract, and the tests are one per entry: the contract is opened first.
const CATALOGUE = catalogue(await openContract());

describe('pact consumer: the client against the Pact mock server, writing pacts/', () => {
  let contract: OperationContract;
  let recorded: string;
  let savedKey: string | undefined;
  before(async () => {
    contract = await openContract();
    recorded = await mkdtemp(join(tmpdir(), 'stigg-pact-'));
    // The client takes its key from the environment, as in production: a canary that must never reach a pact.
    savedKey = process.env['STIGG_API_KEY'];
    process.env['STIGG_API_KEY'] = CANARY;
  });
  after(async () => {
    if (savedKey === undefined) delete process.env['STIGG_API_KEY'];
    else process.env['STIGG_API_KEY'] = savedKey;
    await rm(recorded, { recursive: true, force: true });
  });

  it('the catalogue has one entry per documented behaviour, with unique ids and descriptions and known states', () => {
    expect(new Set(CATALOGUE.map((entry) => entry.id)).size).to.equal(CATALOGUE.length);
    expect(new Set(CATALOGUE.map((entry) => entry.description)).size).to.equal(CATALOGUE.length);
    expect(CATALOGUE.map((entry) => entry.state.name)).to.satisfy((names: string[]) => names.every((name) => Object.values(STATE).includes(name as never)));
    const statuses = new Set(CATALOGUE.map((entry) => entry.response.status));
    expect([...statuses].sort()).to.deep.equal(contract.operation.responses.map((response) => response.status));
  });

  for (const entry of CATALOGUE) {
    it(`${entry.id}: ${entry.description} → ${entry.response.status}`, async () => {
      const spec = interactionSpec(entry, contract);
      expectOutcome(entry, await recordInteraction(spec, recorded, (url) => exerciseEntry(entry, url, { contract })));
    });
  }

  it('derives matchers from the schemas: enums as alternations, a 404 code exact, the key by type', async () => {
    const pact = await recordedPact(recorded);
    const text = JSON.stringify(pact);
    expect(text).to.contain('"regex":"^(?:AUTH0|ZUORA|STRIPE|HUBSPOT|AWS_MARKETPLACE|SNOWFLAKE|SALESFORCE|BIG_QUERY|OPEN_FGA|APP_STORE|RECEIVED|PREQUEL)$"');
    const interaction = (description: string): Record<string, Record<string, unknown>> =>
      pact.interactions.find((i) => (i as { description: string }).description === description) as Record<string, Record<string, unknown>>;
    const notFound = interaction('an update for a customer that does not exist');
    expect(JSON.stringify(notFound['response']?.['matchingRules'])).to.contain('"$.message"').and.not.contain('"$.code"');
    const ok = interaction('an update of an integration without sync data');
    expect(ok['request']?.['matchingRules']).to.have.nested.property('header.X-API-KEY.matchers[0].match', 'type');
    expect(ok['request']?.['headers']).to.have.deep.property('X-API-KEY', [FAKE_API_KEY]);
  });

  it('admits null wherever the contract makes a response field nullable: the one matcher OR null', async () => {
    const pact = admitNullables(await recordedPact(recorded), contract);
    const rulesOf = (description: string): Record<string, unknown> => {
      const found = pact.interactions.find((i) => (i as { description: string }).description === description) as { response: { matchingRules: { body: Record<string, unknown> } } };
      return found.response.matchingRules.body;
    };
    expect(rulesOf('an update for a customer that does not exist')['$.code']).to.deep.equal({ combine: 'OR', matchers: [{ match: 'equality' }, { match: 'null' }] });
    expect(rulesOf('an update for a customer slug that breaks the slug pattern')['$.code']).to.have.nested.property('matchers[1].match', 'null');
    expect(rulesOf('an update of an integration without sync data')['$.data.syncedEntityId']).to.deep.include({ combine: 'OR' });
    // An object the provider state set up stays pinned: the verifier does not apply OR to a map's own rule.
    expect(JSON.stringify(rulesOf('an update of an integration whose sync data is price billing')['$.data.syncData'] ?? {})).to.not.contain('combine');
    // Fields the contract does not make nullable keep their one matcher.
    expect(rulesOf('an update of an integration without sync data')['$.data.vendorIdentifier']).to.not.have.nested.property('matchers[1]');
  });

  it('writes pacts/ byte-stable (a second run in reverse order gives the same bytes), atomically, without the key', async function () {
    const finish = (pact: PactDocument): PactDocument => admitNullables(pact, contract);
    const first = serialisePact(finish(await recordedPact(recorded)));
    expect(JSON.parse(first).interactions).to.have.length(CATALOGUE.length, 'every interaction must have been recorded before pacts/ is rewritten');
    const again = await mkdtemp(join(tmpdir(), 'stigg-pact-'));
    try {
      await recordAll([...CATALOGUE].reverse(), contract, again);
      expect(serialisePact(finish(await recordedPact(again)))).to.equal(first);
    } finally {
      await rm(again, { recursive: true, force: true });
    }
    const [promoted] = await promotePacts(recorded, PACT_DIR, finish);
    expect(promoted?.file).to.equal(join(PACT_DIR, pactFileName()));
    expect(await readFile(join(PACT_DIR, pactFileName()), 'utf8')).to.equal(first);
    expect(first).to.not.match(/pact-js|pactRust/);
    for (const name of await readdir(PACT_DIR)) expect(await readFile(join(PACT_DIR, name), 'utf8'), name).to.not.contain(CANARY);
    for (const name of await readdir(recorded)) expect(await readFile(join(recorded, name), 'utf8'), name).to.not.contain(CANARY);
  });
});
