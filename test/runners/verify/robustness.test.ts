import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ConfigurationError, TransportError } from '../../../src/errors.js';
import { isOperation } from '../../fixtures/providers/answers.js';
import { startVariantProvider, type Departure } from '../../fixtures/providers/proxy.js';
import { failedChecks, runVerify } from './helpers.js';

const API_KEY = 'robustness-key';

/** Runs verify against a provider departing as given, with a short deadline. */
async function against(departure: Departure, options: Parameters<typeof runVerify>[0] = {}, listener: Parameters<typeof runVerify>[1] = {}) {
  const provider = await startVariantProvider(departure, API_KEY);
  try {
    return await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, timeoutMs: 150, runs: 10, shrinkMs: 0, ...options }, listener);
  } finally {
    await provider.close();
  }
}

describe('verify: every run bounded, whatever the provider does', function () {
  this.timeout(60_000);

  it('the deadline covers the whole exchange: a body dripped a byte at a time is a timeout finding', async () => {
    // 1 byte every 20 ms: without a deadline on the body, each answer would arrive whole after seconds.
    const dripping: Departure = { response: (seen, answer) => (isOperation(seen) && answer.status === 200 ? { ...answer, wire: { dripMs: 20 } } : answer) };
    const { report, exitCode } = await against(dripping, { systematic: false, runs: 4 });
    expect(exitCode).to.equal(1);
    const timeouts = report.findings.filter((g) => g.check === 'not_a_server_error' && /timeout/.test(g.finding.message));
    expect(timeouts.length, JSON.stringify(report.findings.map((g) => g.finding.message))).to.be.at.least(1);
    // The headers came: the finding says so, and how much of the body did.
    expect(String(timeouts[0]?.finding.actual)).to.match(/headers after \d+ ms \(status 200\), body incomplete at the 150 ms deadline \(\d+ of \d+ bytes\)/);
  });

  it('a provider that never answers ends the run before it starts, naming the URL (exit 2)', async () => {
    const error = await against({ request: (seen) => (isOperation(seen) ? 'hang' : seen) }).then(() => undefined, (caught: unknown) => caught);
    expect(error).to.be.instanceOf(TransportError);
    expect((error as Error).message).to.match(/provider unreachable at http:\/\/127\.0\.0\.1:\d+: no answer/);
  });

  it('a provider whose first answer is late (a cold start, a busy machine) is probed once more, and the run goes on', async () => {
    let first = true;
    const cold: Departure = { request: (seen) => (isOperation(seen) && first ? ((first = false), 'hang') : seen) };
    const { exitCode, summary } = await against(cold, { systematic: false, runs: 3 });
    expect(exitCode).to.equal(0);
    expect(summary.conformance.cases).to.equal(3);
  });

  it('a provider that stops answering mid-run is given up on after a few timeouts; the cases not run are counted', async () => {
    let seen = 0;
    const dies: Departure = { request: (request) => (isOperation(request) && ++seen > 40 ? 'hang' : request) };
    const { report, exitCode, summary } = await against(dies, { runs: 500 });
    expect(summary.stopped?.reason).to.match(/stopped answering: 5 timeout failures in a row \(the last: no complete response within \d+ ms\), and a plain request failed too/);
    expect(summary.stopped?.notRun).to.be.greaterThan(300);
    expect(failedChecks(report)).to.include('not_a_server_error');
    expect(exitCode).to.equal(1);
  });

  it('a provider that hangs on some inputs only is not given up on: each hang is a finding, the run goes on', async () => {
    const { summary, report } = await against({ request: (request) => (isOperation(request) && /%25/.test(request.url) ? 'hang' : request) }, { runs: 40 });
    expect(summary.stopped).to.equal(undefined);
    expect(failedChecks(report)).to.include('not_a_server_error');
    expect(report.totals.exchanges).to.be.greaterThan(200);
  });

  it('answers over the 1 MiB cap from a reachable provider are findings, not "unreachable" (exit 1)', async () => {
    const huge: Departure = { response: (seen, answer) => (isOperation(seen) ? { ...answer, body: JSON.stringify({ message: 'x'.repeat(2 ** 20 + 10), code: null }) } : answer) };
    const { report, exitCode } = await against(huge, { systematic: false, runs: 5, timeoutMs: 2000 });
    expect(exitCode).to.equal(1);
    expect(report.findings.some((g) => g.check === 'not_a_server_error' && /too-large/.test(g.finding.message))).to.equal(true);
  });

  it('an aborted signal stops the run between cases; the summary says why and how many were not run', async () => {
    const controller = new AbortController();
    let exchanges = 0;
    const { summary } = await against({}, { runs: 300, signal: controller.signal }, { onExchange: () => void (++exchanges === 30 && controller.abort()) });
    expect(summary.stopped?.reason).to.equal('interrupted');
    expect(summary.stopped?.notRun).to.be.greaterThan(100);
    expect(exchanges).to.be.below(200);
  });

  for (const name of ['malformed', 'not-a-pact']) {
    it(`a pact file that cannot be verified (${name}) ends the run before phase 1, naming the file (exit 2)`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'verify-pacts-'));
      try {
        copyFileSync(fileURLToPath(new URL(`../../fixtures/pacts/${name}.json`, import.meta.url)), join(dir, `${name}.json`));
        const error = await against({}, { skipPacts: false, pactsDir: dir }).then(() => undefined, (caught: unknown) => caught);
        expect(error).to.be.instanceOf(ConfigurationError);
        expect((error as Error).message).to.contain(join(dir, `${name}.json`)).and.match(/cannot be verified: not (JSON|a pact)/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
