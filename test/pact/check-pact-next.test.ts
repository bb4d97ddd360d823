/**
 * check-pact against another version of the document: which committed interactions still hold under the 7.65.0
 * fixture, said per interaction in the console, the JSON report and JUnit.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { checkPacts } from '../../src/pact/check-pact.js';
import { interactionResults } from '../../src/pact/check-pact-verdict.js';
import { parseReport } from '../../src/report/index.js';
import { openContract } from '../../src/validators/index.js';
import { runCli } from '../helpers/cli.js';
import { assertWellFormed } from '../report/xml.js';

const NEXT = fileURLToPath(new URL('../fixtures/contracts/stigg-api-7.65.0.openapi.yaml', import.meta.url));
const WITHOUT_SYNC_DATA = 'an update of an integration without sync data';

describe('check-pact: the committed interactions under another version of the contract', () => {
  it('under 7.64.2 every committed interaction holds; under 7.65.0 the one without syncData breaks (syncData is required there)', async () => {
    const [pinned, next] = await Promise.all([openContract(), openContract(NEXT)]);
    const now = interactionResults(await checkPacts(['pacts'], { contract: pinned }));
    expect(now).to.have.length(12);
    expect(now.filter((result) => !result.passed)).to.deep.equal([]);
    const then = interactionResults(await checkPacts(['pacts'], { contract: next }));
    expect(then.filter((result) => !result.passed)).to.deep.equal([
      { description: WITHOUT_SYNC_DATA, state: 'a customer with an integration', passed: false, message: 'response example: /data/syncData is required but missing' },
    ]);
  });

  it('the console says per interaction whether it holds or breaks under that version; exit 1', async () => {
    const run = await runCli(['check-pact', '--contract', NEXT]);
    expect(run.code).to.equal(1);
    expect(run.stdout).to.match(/^contract Stigg API 7\.65\.0 \(/m);
    expect(run.stdout).to.contain('Interactions under Stigg API 7.65.0 (11 of 12 hold)');
    expect(run.stdout).to.contain('  ✓ holds  no customer › an update for a customer that does not exist');
    expect(run.stdout).to.contain(`  ✗ breaks a customer with an integration › ${WITHOUT_SYNC_DATA}: response example: /data/syncData is required but missing`);
    expect(run.stdout).to.match(/FAILED: 1 violation, 1 of 12 interactions breaks, /);
  });

  it('the JSON report lists each interaction with passed; JUnit has a test case per interaction, failing where it breaks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-pact-next-'));
    try {
      const run = await runCli(['check-pact', '--contract', NEXT, '--report', `json=${join(dir, 'r.json')},junit=${join(dir, 'r.xml')}`]);
      expect(run.code).to.equal(1);
      const report = parseReport(readFileSync(join(dir, 'r.json'), 'utf8'));
      expect(report.meta).to.include({ contractTitle: 'Stigg API', contractVersion: '7.65.0' });
      expect(report.pacts.map((pact) => pact.passed).filter(Boolean)).to.have.length(11);
      expect(report.totals.pactFailures).to.equal(1);
      const xml = readFileSync(join(dir, 'r.xml'), 'utf8');
      assertWellFormed(xml);
      expect(xml.match(/classname="stigg-contract\.pact"/g)).to.have.length(12);
      expect(xml).to.match(new RegExp(`name="a customer with an integration › ${WITHOUT_SYNC_DATA}">\\s*<failure message="response example: /data/syncData is required but missing"`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
