/** `publish` checks every flag before it prints anything: a bad one is one line and exit 2, with no gate output first. */
import { expect } from 'chai';
import { runCli } from '../helpers/cli.js';

describe('cli: publish checks every flag before printing', () => {
  const bad: Array<[readonly string[], RegExp]> = [
    [['--tag', 'a,b'], /a --tag must be non-empty and without commas/],
    [['--tag', ' '], /a --tag must be non-empty/],
    [['--consumer-version', ' '], /the consumer version must not be empty/],
    [['--branch', ''], /--branch must not be empty/],
    [['--build-url', 'not a url'], /--build-url must be an http\(s\) URL/],
  ];
  for (const [flags, reason] of bad) {
    it(`${flags.join(' ')}: exit 2, nothing on stdout`, async () => {
      const run = await runCli(['publish', '--broker-url', 'http://127.0.0.1:9', '--consumer-version', '1', ...flags]);
      expect(run.code).to.equal(2);
      expect(run.stderr).to.match(reason);
      expect(run.stdout).to.equal('');
    });
  }
});
