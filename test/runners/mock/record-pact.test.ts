import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { runCli } from '../../helpers/cli.js';
import { expect } from 'chai';
import { checkPactExitCode, checkPacts } from '../../../src/pact/check-pact.js';
import { verifyPacts } from '../../../src/pact/verifier.js';
import { startReferenceProvider } from '../../../src/provider/index.js';
import { runClient, type ClientReport } from '../../../src/runners/mock/index.js';
import type { RecordedPact } from '../../../src/pact/record/index.js';
import { fixtureSuite } from '../../fixtures/broken-clients/clients.js';
import { removeTemp, shippedContract, tempDir } from './helpers.js';

/** A key that must never reach the pact, however the client sends it. */
const CANARY = 'sk_live_canary_7c1e9a3b5d';

describe('runners/mock: a pact recorded from the SDK-shaped client\'s traffic (--record-pact)', function () {
  this.timeout(60_000);
  let dir: string;
  let report: ClientReport;
  let recorded: RecordedPact;
  before(async () => {
    dir = await tempDir();
    const contract = await shippedContract();
    const run = await runClient({ contract, seed: 21, drill: 0.2, suite: fixtureSuite('sdk', { drills: true }), env: { STIGG_API_KEY: CANARY }, recordPact: { dir, consumer: 'stigg-sdk-shaped' } });
    report = await run.done;
    if (report.pact === undefined || 'withheld' in report.pact) throw new Error(`no pact recorded: ${JSON.stringify(report.pact)}`);
    recorded = report.pact;
  });
  after(removeTemp);

  it('passes the step with drills on, and writes one interaction per behaviour with states from the vocabulary, and no key', async () => {
    expect(report.passed, JSON.stringify(report.problems)).to.equal(true);
    expect(report.coverage.filter((item) => item.group === 'error drills received' && item.count > 0)).to.not.have.length(0);
    const file = recorded.file ?? '';
    expect(file).to.match(/stigg-sdk-shaped-stigg-api\.json$/);
    const text = await readFile(file, 'utf8');
    expect(text).to.not.contain(CANARY);
    const pact = JSON.parse(text) as { consumer: { name: string }; metadata: { pactSpecification: { version: string } }; interactions: { description: string; providerStates: { name: string }[] }[] };
    expect(pact.consumer.name).to.equal('stigg-sdk-shaped');
    expect(pact.metadata.pactSpecification.version).to.match(/^4\./);
    const descriptions = pact.interactions.map((interaction) => interaction.description);
    expect(new Set(descriptions).size).to.equal(descriptions.length);
    expect(descriptions).to.include.members(['an update for a customer that does not exist', 'an update of an integration the customer does not have', 'an update while the API key is rate limited']);
    const states = new Set(pact.interactions.flatMap((interaction) => interaction.providerStates.map((state) => state.name)));
    expect([...states].every((state) => ['a customer with an integration', 'no customer', 'a customer without the integration', 'the API key may not access the customer', 'the API key is rate limited'].includes(state))).to.equal(true);
    expect(recorded.skipped.map((skip) => skip.reason).join()).to.match(/401|400/);
  });

  it('passes check-pact and verifies green against the reference provider', async () => {
    const contract = await shippedContract();
    const checked = await checkPacts([dir], { contract });
    expect(checked.findings.filter((finding) => finding.kind === 'violation')).to.deep.equal([]);
    expect(checkPactExitCode(checked)).to.equal(0);
    const provider = await startReferenceProvider({ apiKey: 'verify-key' });
    try {
      const verified = await verifyPacts({ providerBaseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: 'verify-key', keyHeader: 'X-API-KEY', pactUrls: [recorded.file ?? ''] });
      expect(verified.interactions.filter((interaction) => !interaction.passed), verified.output.slice(-2000)).to.deep.equal([]);
      expect(verified.passed).to.equal(true);
      expect(verified.interactions).to.have.length(recorded.interactions.length ?? -1);
    } finally {
      await provider.close();
    }
  });
});

describe('runners/mock: --record-pact when the client\'s command fails', function () {
  this.timeout(30_000);
  after(removeTemp);

  it('writes no pact, and says so in the report and on stderr', async () => {
    const dir = await tempDir();
    // A valid request, then a failing exit: the exchange would make an interaction, the run does not make a pact.
    const client = "fetch(process.env.STIGG_BASE_URL + '/api/v1/customers/acme/integrations/int-1', { method: 'PATCH', headers: { 'X-API-KEY': 'k-1234', 'Content-Type': 'application/json' }, body: '{\"syncedEntityId\":\"cus_1\"}' }).then(() => process.exit(3))";
    const run = await runCli(['mock', '--record-pact', dir, '--consumer', 'failing', '--', process.execPath, '-e', client]);
    expect(run.code).to.equal(1);
    expect(readdirSync(dir)).to.deep.equal([]);
    expect(run.stdout).to.contain("pact: NONE WRITTEN: the client's command exited 3: a pact is recorded from a passing run only");
    expect(run.stderr).to.contain(`no pact written to ${dir}`);
  });
});
