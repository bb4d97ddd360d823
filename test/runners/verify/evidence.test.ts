import { expect } from 'chai';
import { formatConsole } from '../../../src/report/index.js';
import { error, isOperation } from '../../fixtures/providers/answers.js';
import { startVariantProvider, type Departure } from '../../fixtures/providers/proxy.js';
import { runVerify } from './helpers.js';

const API_KEY = 'evidence-key';

/** Every request to the operation answered 429 (a documented body) with this Retry-After, keys or not. */
const everything429 = (retryAfter: string): Departure => ({ request: (seen) => (isOperation(seen) ? error(429, 'RateLimitExceeded', { 'retry-after': retryAfter }) : seen) });

/** The report's last line. */
const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';

describe('verify: no evidence, no pass', function () {
  this.timeout(60_000);

  it('a provider answering 429 to everything (Retry-After: 3600) stops at the wait budget, with no verdict (exit 2), never PASSED', async () => {
    const provider = await startVariantProvider(everything429('3600'), API_KEY);
    try {
      const { report, exitCode, summary } = await runVerify({ baseUrl: provider.url, apiKey: API_KEY, runs: 40, systematic: false, maxBackoffMs: 200, waitBudgetMs: 1000 });
      expect(summary.stopped?.reason).to.equal('the wait budget for 429 answers is spent (1s; --wait-budget), and the provider still answers 429');
      expect(report.meta.rateLimitWaitMs, 'the waits stay within the budget').to.be.at.most(1000);
      expect(report.totals.judged).to.equal(0);
      expect(exitCode).to.equal(2);
      const text = formatConsole(report);
      expect(text).not.to.match(/^PASSED/m);
      expect(lastLine(text)).to.match(/^STOPPED: the wait budget for 429 answers is spent \(1s; --wait-budget\), and the provider still answers 429 · no verdict: 0 of 40 planned cases judged · 0 violations, /);
    } finally {
      await provider.close();
    }
  });

  it('a provider answering 429 to everything without a wait to spend (Retry-After: 0) ends with no verdict: 0 of N cases judged (exit 2)', async () => {
    const provider = await startVariantProvider(everything429('0'), API_KEY);
    try {
      const { report, exitCode, summary } = await runVerify({ baseUrl: provider.url, apiKey: API_KEY, runs: 30, systematic: false });
      expect(summary.stopped).to.equal(undefined);
      expect(report.totals).to.include({ exchanges: 30, judged: 0, violations: 0 });
      expect(exitCode).to.equal(2);
      expect(lastLine(formatConsole(report))).to.match(/^RATE LIMITED: a rate limiter answered 429 to 30 of 30 cases \(a verdict needs 90% of them judged\) · no verdict: 0 of 30 planned cases judged · /);
    } finally {
      await provider.close();
    }
  });
});
