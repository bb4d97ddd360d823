/**
 * Every output path is checked before the first request, by every command that writes one: an unwritable file (under
 * /proc, where access(2) says yes), a directory where a file goes, two outputs at one path. Each ends in one line and
 * exit 2, never in an "internal error" after the run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ConfigurationError } from '../../src/errors.js';
import { writeReports } from '../../src/cli/report-output.js';
import { sampleReport } from '../report/fixtures.js';
import { runCli } from '../helpers/cli.js';

describe('cli: output paths are checked before anything runs', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(join(tmpdir(), 'output-paths-'));
  const folder = join(dir, 'a-folder');
  const marker = join(dir, 'the-command-ran');
  mkdirSync(folder);
  after(() => rmSync(dir, { recursive: true, force: true }));

  const refusals: Array<[string, readonly string[], RegExp]> = [
    ['verify, a report under /proc', ['verify', '--report', 'json=/proc/stigg-report.json'], /cannot write \/proc\/stigg-report\.json: ENOENT/],
    ['verify, regression tests under /proc', ['verify', '--save-failures', '/proc/stigg-failures'], /cannot write regression tests into \/proc\/stigg-failures: ENOENT/],
    ['verify, a log under /proc', ['verify', '--log', '/proc/stigg.log'], /cannot write \/proc\/stigg\.log: ENOENT/],
    ['verify, a directory as a report', ['verify', '--report', `junit=${folder}`], /it is a directory/],
    ['verify, two targets of one kind', ['verify', '--report', `json=${join(dir, 'a.json')},json=${join(dir, 'b.json')}`], /--report names json twice/],
    ['verify, a report where the log goes', ['verify', '--report', `json=${join(dir, 'same')}`, '--log', join(dir, 'same')], /is given as two outputs/],
    ['lint, a report under /proc', ['lint', '--report', 'junit=/proc/stigg-lint.xml'], /cannot write \/proc\/stigg-lint\.xml/],
    ['check-pact, a report under /proc', ['check-pact', 'pacts', '--report', 'json=/proc/stigg-pacts.json'], /cannot write \/proc\/stigg-pacts\.json/],
    ['mock, a directory as a report', ['mock', '--report', `json=${folder}`, '--', process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`], /it is a directory/],
    ['mock, a pact folder under /proc', ['mock', '--record-pact', '/proc/stigg-pacts', '--consumer', 'c', '--', process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`], /cannot write the pact into \/proc\/stigg-pacts/],
    ['mock, a report where the log goes', ['mock', '--log', join(dir, 'log'), '--report', `json=${join(dir, 'log')}`, '--', process.execPath, '-e', '0'], /is given as two outputs/],
    ['mock report, a directory as the log', ['mock', 'report', folder], /cannot read the log .*a-folder: EISDIR/],
  ];
  for (const [name, args, reason] of refusals) {
    it(`${name}: exit 2, one line, nothing run`, async () => {
      const run = await runCli(args);
      expect(run.code, run.stderr).to.equal(2);
      expect(run.stderr).to.match(reason).and.not.to.contain('internal error');
      expect(run.stderr).not.to.contain('verify: seed');
      expect(existsSync(marker)).to.equal(false);
    });
  }

  it('a report that cannot be written after all (the disk filled up) is exit 2 and names the file', async () => {
    const report = await sampleReport();
    expect(() => writeReports({ json: folder }, report)).to.throw(ConfigurationError, /could not write the report .*a-folder: EISDIR/);
  });
});
