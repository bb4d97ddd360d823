/**
 * verify's outputs whatever the API key, end to end: with a one-letter key (which every output's text contains) the run
 * ends as it would with any key, and every output it writes stays valid. The writers are held to every other key by
 * test/report/redaction-property.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseReport } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { assertWellFormed } from '../report/xml.js';

describe('cli: verify with keys that are also syntax', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'verify-secrets-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  // One full run, with the one-letter key docs/provider.md's example uses; every other key is the property test's.
  for (const key of ['k']) {
    it(`--api-key ${JSON.stringify(key)}: exit 0, and the console, JSON, JUnit and NDJSON outputs are whole`, async () => {
      const [json, junit, log] = [join(dir, 'r.json'), join(dir, 'r.xml'), join(dir, 'traffic.ndjson')];
      const run = await runCli(['verify', '--api-key', key, '--runs', '5', '--seed', '4', '--report', `json=${json},junit=${junit}`, '--log', log, '--no-color']);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.match(/^stigg-contract verify: PATCH /).and.to.match(/\nPASSED: /);
      expect(parseReport(readFileSync(json, 'utf8')).checks).to.have.length(17);
      expect(assertWellFormed(readFileSync(junit, 'utf8'))[0]).to.equal('testsuites');
      const lines = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { verdict?: string; related?: unknown });
      // Related requests are judged with their exchange: its line carries their verdict.
      expect(lines.every((line) => line.related !== undefined || line.verdict === 'passed' || line.verdict === 'failed')).to.equal(true);
    });
  }
});
