import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { failingFindings } from '../../../src/checks/index.js';
import { verify } from '../../../src/verify.js';
import type { VerifyOptions } from '../../../src/runners/verify/options.js';
import { flakyBug, isRareInput, rareBug } from '../../fixtures/providers/campaign.js';
import { startVariantProvider, type VariantProvider } from '../../fixtures/providers/proxy.js';

const KEY = 'campaign-test-key';

/** verify() with the settings every campaign test shares. */
const run = (provider: VariantProvider, options: VerifyOptions, onFailing?: (index: number) => void) => {
  let index = 0;
  return verify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: KEY, timeoutMs: 2000, concurrency: 4, skipPacts: true, shrinkMs: 3000, ...options }, {
    onExchange: (_exchange, runs) => {
      if (failingFindings(runs) > 0) onFailing?.(index);
      index++;
    },
  });
};

const entries = (dir: string): Array<Record<string, unknown>> =>
  readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>);

describe('verify campaigns: a failure database replayed first, confirmation', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'stigg-failures-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('a bug that only a rare input shows', () => {
    let broken: VariantProvider;
    before(async () => {
      broken = await startVariantProvider(rareBug(), KEY);
    });
    after(() => broken.close());

    it('is found by a --max-time campaign in its random phase, and recorded with its exact request (no key)', async () => {
      let first = -1;
      const result = await run(broken, { seed: 13, maxTimeMs: 30_000, runs: 1600, failures: dir }, (index) => void (first = first < 0 ? index : first));
      const group = result.report.findings.find((g) => g.check === 'not_a_server_error' && g.kind === 'violation');
      expect(group, JSON.stringify(result.report.totals)).to.not.equal(undefined);
      // Found among the random cases, after the systematic phase (which never sends the rare input).
      expect(result.systematic?.cases).to.be.above(500);
      expect(first).to.be.above(result.systematic?.cases ?? 0);
      expect(result.report.meta.maxTimeMs).to.equal(30_000);
      // One entry per check the 500 failed (its status is undocumented too, and it answered a valid request).
      expect(entries(dir).map((e) => e['check']).sort()).to.deep.equal(['not_a_server_error', 'status_documented', 'valid_input_accepted']);
      const entry = entries(dir).find((e) => e['check'] === 'not_a_server_error');
      expect(entry).to.include({ check: 'not_a_server_error', status: 'failing', key: `not_a_server_error-${group?.signature}` });
      expect(isRareInput(String((entry?.['case'] as { rawBody?: string }).rawBody))).to.equal(true);
      expect((entry?.['states'] as unknown[]).length).to.be.above(0);
      expect(JSON.stringify(entry)).not.to.contain(KEY);
      expect(group?.confirmed).to.deep.equal({ reproduced: 2, of: 2 });
    });

    it('is replayed first by the next run, with another seed, and caught by its first case', async () => {
      let first = -1;
      const result = await run(broken, { seed: 14, runs: 30, failures: dir }, (index) => void (first = first < 0 ? index : first));
      expect(first).to.equal(0);
      expect(result.phases[0]).to.deep.include({ phase: 'failures', ran: true });
      expect(result.report.failureReplays?.map((replay) => replay.status)).to.deep.equal(['still-failing', 'still-failing', 'still-failing']);
      expect(entries(dir).map((entry) => entry['seen'])).to.deep.equal([2, 2, 2]);
    });

    it('is replayed from a read-only copy too, which is never written; what the run replays is copied into its own database', async () => {
      const own = mkdtempSync(join(tmpdir(), 'stigg-own-'));
      const before = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
      try {
        const result = await run(broken, { seed: 17, runs: 10, failures: own, failuresFrom: dir });
        expect(result.report.failureReplays?.map((replay) => [replay.status, replay.source, replay.note])).to.deep.equal(Array(3).fill(['still-failing', 'read-only', `copied into ${own}`]));
        expect(readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'))).to.deep.equal(before);
        expect(readdirSync(own).sort()).to.deep.equal(readdirSync(dir).sort());
      } finally {
        rmSync(own, { recursive: true, force: true });
      }
    });

    it('is marked fixed once the provider is fixed: kept with --keep-fixed, pruned otherwise', async () => {
      const fixed = await startVariantProvider({}, KEY);
      try {
        const kept = await run(fixed, { seed: 15, runs: 20, failures: dir, keepFixed: true });
        expect(kept.exitCode).to.equal(0);
        expect(kept.report.failureReplays?.map((replay) => [replay.status, replay.note])).to.deep.equal(Array(3).fill(['fixed', 'kept, marked fixed (--keep-fixed)']));
        expect(entries(dir).map((entry) => entry['status'])).to.deep.equal(['fixed', 'fixed', 'fixed']);
        const pruned = await run(fixed, { seed: 16, runs: 20, failures: dir });
        expect(pruned.report.failureReplays?.map((replay) => [replay.status, replay.note])).to.deep.equal(Array(3).fill(['fixed', 'pruned']));
        expect(entries(dir)).to.deep.equal([]);
      } finally {
        await fixed.close();
      }
    });
  });

  it('labels a flaky provider\'s finding flaky: sent again, it failed the same way only some of the times', async () => {
    const flaky = await startVariantProvider(flakyBug(), KEY);
    const own = mkdtempSync(join(tmpdir(), 'stigg-flaky-'));
    try {
      const result = await run(flaky, { seed: 5, runs: 60, concurrency: 1, confirm: 2, failures: own, systematic: false });
      const group = result.report.findings.find((g) => g.check === 'not_a_server_error');
      expect(group?.confirmed?.of).to.equal(2);
      expect(group?.confirmed?.reproduced).to.be.below(2);
      const entry = entries(own).find((e) => e['check'] === 'not_a_server_error');
      expect(entry?.['confirmed']).to.deep.equal(group?.confirmed);
    } finally {
      await flaky.close();
      rmSync(own, { recursive: true, force: true });
    }
  });
});
