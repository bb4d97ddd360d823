import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../helpers/cli.js';

/** One line on stderr, no stack trace, exit 2, and nothing sent (the seed line comes just before the first request). */
function refusedUpFront(run: { code: number | null; stdout: string; stderr: string }, message: RegExp, label: string): void {
  expect(run.code, `${label}: ${run.stderr}`).to.equal(2);
  expect(run.stderr.trim().split('\n'), label).to.have.length(1);
  expect(run.stderr, label).to.match(message).and.not.match(/\n\s+at /).and.not.contain('verify: seed');
}

describe('cli: verify refuses what it would otherwise ignore or fail on late (one line, exit 2, before any request)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-flags-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('broker-only flags without a broker, --path without --seed, an empty --checks, an unknown check', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--publish-results'], /--publish-results needs a broker/],
      [['--enable-pending', '--include-wip-pacts-since', '2026-01-01'], /--enable-pending, --include-wip-pacts-since need a broker/],
      [['--consumer-version-selectors', '[{"mainBranch":true}]'], /--consumer-version-selectors needs a broker/],
      [['--provider-version', 'abc123'], /--provider-version needs a broker/],
      [['--path', '3:1'], /--path replays a case of one seeded run: give that run's --seed too/],
      [['--checks', ''], /--checks needs at least one check id; valid ids: not_a_server_error/],
      [['--checks', ' , '], /--checks needs at least one check id/],
      [['--checks', 'status_documented,nope'], /unknown check nope; valid ids/],
      [['--seed', '1', '--path', 'zz:zz'], /--path "zz:zz" is not a replay path/],
      [['--max-duration', '0'], /--max-duration must be a duration such as 90s, 10m or 2h \(a bare number is ms\), from 1ms to/],
      [['--max-duration', '10 minutes'], /--max-duration must be a duration/],
    ];
    for (const [flags, message] of cases) refusedUpFront(await runCli(['verify', ...flags]), message, flags.join(' '));
  });

  it('unwritable --report, --log or --save-failures paths', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const cases: Array<[string[], RegExp]> = [
      [['--report', `json=${join(file, 'report.json')}`], /cannot write .*a-file\/report\.json: (ENOTDIR|EEXIST)/],
      [['--report', `junit=${dir}`], /cannot write .*: it is a directory/],
      [['--log', join(file, 'traffic.ndjson')], /cannot write .*traffic\.ndjson: (ENOTDIR|EEXIST)/],
      [['--save-failures', join(file, 'failures')], /cannot write regression tests into .*: (ENOTDIR|EEXIST)/],
    ];
    for (const [flags, message] of cases) refusedUpFront(await runCli(['verify', ...flags]), message, flags.join(' '));
  });

  it('every flag comes from the table, with the library\'s defaults in --help; the 10-minute cap is --max-duration', async () => {
    const help = await runCli(['verify', '--help']);
    expect(help.code).to.equal(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).to.contain('--runs <n> generated cases in the random phase (default: 200)');
    expect(text).to.contain('--timeout <ms> per-request deadline, body included (default: 5000)');
    expect(text).to.contain('--max-duration <time> hard cap: stop sending after this long');
    expect(text).to.contain('--max-time <time> fuzz for a time budget');
    // The limits issue 25 named: a state change's own deadline, the 429 wait budget, the pact phase's limit.
    expect(text).to.match(/--state-timeout <time> deadline of one state change .* \(default: 10s\)/);
    expect(text).to.match(/--wait-budget <time> all waits for 429 answers together .* \(default: 1m\)/);
    expect(text).to.match(/--pact-timeout <time> limit of the pact phase: .* \(default: 5m\)/);
    expect(text).to.contain('(default: 10m)');
    expect(text).to.contain('--broker-url');
  });

  it('--max-duration stops the run as a stop does: the header and the last line say STOPPED with counts, the JUnit has an error case, exit 2', async () => {
    const junit = join(dir, 'capped.xml');
    const run = await runCli(['verify', '--runs', '50', '--seed', '3', '--max-duration', '1ms', '--pacts', dir, '--no-color', '--report', `junit=${junit}`]);
    expect(run.code, run.stderr).to.equal(2);
    const lines = run.stdout.trim().split('\n');
    expect(lines[1]).to.contain('· 50 runs asked ·');
    expect(run.stdout).to.match(/STOPPED EARLY: the run reached its maximum duration \(1 ms; --max-duration\); \d+ planned cases not run/);
    // The report's last line (the embedded provider's note follows it).
    expect(lines.at(-2)).to.match(/^STOPPED: the run reached its maximum duration \(1 ms; --max-duration\) · no verdict: \d+ of \d+ planned cases judged · 0 violations, /);
    expect(run.stdout).not.to.match(/^PASSED/m);
    expect(readFileSync(junit, 'utf8')).to.match(/<testcase classname="stigg-contract.run" name="verdict">\s*<error message="STOPPED: the run reached its maximum duration \(1 ms; --max-duration\) · \d+ of \d+ planned cases judged" type="stopped"\/>/);
    expect(run.stdout).to.match(/phases: failures skipped \(.*\) · pacts skipped \(no pact files in .*\) · pact-teardowns skipped \(.*\) · systematic \d+ cases · random \d+ cases · confirm skipped \(.*\) · states skipped \(the run stopped: the run reached its maximum duration/);
  });

  it('prints the seed first, before any report, so a run cut short can be replayed', async () => {
    const run = await runCli(['verify', '--runs', '1', '--seed', '77', '--checks', 'not_a_server_error', '--pacts', dir]);
    expect(run.stderr.split('\n')[0]).to.equal('verify: seed 77 (replay any finding with --seed 77 --path <its path>)');
    expect(run.code).to.equal(0);
  });
});
