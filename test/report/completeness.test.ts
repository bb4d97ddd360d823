import { expect } from 'chai';
import { CHECKS } from '../../src/checks/registry.js';
import { runChecks } from '../../src/checks/run.js';
import type { Exchange } from '../../src/checks/types.js';
import { createReportBuilder, exitCodeOf, formatConsole, formatJunit, parseReport, formatJson, mergeReports, type VerifyReport } from '../../src/report/index.js';
import { EVIDENCE_FLOOR, incompleteness } from '../../src/report/completeness.js';
import type { RunListener } from '../../src/events/index.js';
import { checkContext, error, exchange, ok } from '../checks/fixtures.js';

/** A clean run of `answered` exchanges and `refused` ones a rate limiter answered 429, with `events` on top. */
async function run(answered: number, refused: number, events: (builder: Required<Pick<RunListener, 'onStopped' | 'onProblem'>>) => void = () => undefined): Promise<VerifyReport> {
  const context = await checkContext();
  const builder = createReportBuilder({ contract: context.contract, checks: CHECKS, baseUrl: 'http://127.0.0.1:4010', seed: 1, runs: answered + refused });
  const limited = error(429, 'RateLimitExceeded', { 'retry-after': '1' });
  const exchanges: Exchange[] = [...Array.from({ length: answered }, () => exchange(ok())), ...Array.from({ length: refused }, () => exchange(limited))];
  for (const sample of exchanges) builder.onExchange(sample, runChecks(CHECKS, context, sample));
  events({ onStopped: (stop) => builder.onStopped?.(stop), onProblem: (problem) => builder.onProblem?.(problem) });
  return builder.build(1000);
}

const lastLine = (report: VerifyReport): string => formatConsole(report).trim().split('\n').at(-1) ?? '';

describe('report: no evidence, no pass (completeness)', () => {
  it('a rate limiter\'s 429s are not evidence: under the floor of judged cases there is no verdict (exit 2), at it a pass', async () => {
    const atFloor = await run(90, 10);
    expect(atFloor.totals.judged).to.equal(90);
    expect(EVIDENCE_FLOOR).to.equal(0.9);
    expect(incompleteness(atFloor)).to.equal(undefined);
    expect(exitCodeOf(atFloor)).to.equal(0);
    expect(lastLine(atFloor)).to.match(/^PASSED: /);
    const under = await run(89, 11);
    expect(exitCodeOf(under)).to.equal(2);
    expect(lastLine(under)).to.equal('RATE LIMITED: a rate limiter answered 429 to 11 of 100 cases (a verdict needs 90% of them judged) · no verdict: 89 of 100 planned cases judged · 0 violations, 0 failed pact interactions, 0 contract defects, 0 warnings');
    const nothing = await run(0, 231);
    expect(lastLine(nothing)).to.contain('no verdict: 0 of 231 planned cases judged');
    expect(formatJunit(nothing)).to.match(/<testcase classname="stigg-contract.run" name="verdict">\s*<error message="RATE LIMITED: .* · 0 of 231 planned cases judged" type="no-evidence"\/>/);
  });

  it('a stopped or interrupted run never reads PASSED: its last line and its JUnit say so, with its counts', async () => {
    const stopped = await run(40, 0, (events) => events.onStopped({ reason: 'the run reached its maximum duration (600000 ms; --max-duration)', notRun: 60 }));
    expect(exitCodeOf(stopped)).to.equal(2);
    expect(lastLine(stopped)).to.equal('STOPPED: the run reached its maximum duration (600000 ms; --max-duration) · no verdict: 40 of 100 planned cases judged · 0 violations, 0 failed pact interactions, 0 contract defects, 0 warnings');
    expect(formatConsole(stopped).split('\n')[1]).to.contain('· 40 runs asked ·');
    expect(formatJunit(stopped)).to.contain('type="stopped"');
    const interrupted = await run(40, 0, (events) => events.onStopped({ reason: 'interrupted', notRun: 60, interrupted: true }));
    expect(lastLine(interrupted)).to.equal('INTERRUPTED · no verdict: 40 of 100 planned cases judged · 0 violations, 0 failed pact interactions, 0 contract defects, 0 warnings');
    expect(formatJunit(interrupted)).to.match(/name="verdict">\s*<error message="INTERRUPTED · 40 of 100 planned cases judged" type="interrupted"\/>/);
  });

  it('a problem leaves the run incomplete: listed once with its count, named in the last line and as a JUnit error case each', async () => {
    const message = 'the teardown of provider state "the API key may not access the customer" failed (3 tries): answered 500: broken';
    const report = await run(10, 0, (events) => {
      events.onProblem({ kind: 'provider-state', state: 'the API key may not access the customer', message });
      events.onProblem({ kind: 'provider-state', state: 'the API key may not access the customer', message });
    });
    expect(exitCodeOf(report)).to.equal(2);
    const text = formatConsole(report);
    expect(text).to.contain(`Problems (2): the run is incomplete\n! [provider-state] ${message}  ×2`);
    expect(lastLine(report)).to.equal(`INCOMPLETE: ${message} (and 1 more problem) · no verdict: 10 of 10 planned cases judged · 0 violations, 0 failed pact interactions, 0 contract defects, 0 warnings`);
    expect(formatJunit(report)).to.contain('name="provider-state › the API key may not access the customer"').and.to.contain('(×2)" type="provider-state"');
    // JSON keeps them, a merge adds them up.
    const back = parseReport(formatJson(report));
    expect(back.problems).to.have.length(2);
    expect(mergeReports([back, back]).problems).to.have.length(4);
  });
});
