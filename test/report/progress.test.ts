import { expect } from 'chai';
import { createProgress, type ProgressStream } from '../../src/report/progress.js';

function sink(isTTY: boolean): ProgressStream & { text: () => string } {
  const chunks: string[] = [];
  return { isTTY, columns: 100, write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

describe('progress', () => {
  it('prints plain lines at most once per interval without a TTY, and a last line on stop', () => {
    const out = sink(false);
    let now = 0;
    const progress = createProgress(out, { intervalMs: 1000, now: () => now });
    progress.start(4);
    progress.tick();
    now = 500;
    progress.tick({ failing: 1 });
    now = 1200;
    progress.tick();
    progress.tick();
    progress.stop();
    expect(out.text().split('\n').filter(Boolean)).to.deep.equal([
      'verify: 0/4 exchanges, 0 failing, 0.0 s',
      'verify: 3/4 exchanges, 1 failing, 1.2 s',
      'verify: 4/4 exchanges, 1 failing, 1.2 s',
    ]);
  });

  it('never counts past its total: exchanges beyond the plan (shrinking) grow the total', () => {
    for (const tty of [false, true]) {
      const out = sink(tty);
      const progress = createProgress(out, { intervalMs: 0, now: () => 0 });
      progress.start(1);
      progress.tick();
      progress.tick();
      progress.stop();
      expect(out.text(), `tty ${String(tty)}`).to.contain('2/2 exchanges').and.not.contain('2/1');
    }
  });

  it('draws a cli-progress bar through the given stream on a TTY', () => {
    const out = sink(true);
    const progress = createProgress(out, { label: 'fuzz' });
    progress.start(2);
    progress.tick({ failing: 1 });
    progress.tick();
    progress.stop();
    expect(out.text()).to.contain('fuzz [').and.contain('2/2 exchanges | 1 failing');
  });
});

describe('run listeners', () => {
  it('fan a run out to the report builder and the progress reporter', async () => {
    const { fanOut } = await import('../../src/events/index.js');
    const { progressListener } = await import('../../src/report/progress.js');
    const { runChecks } = await import('../../src/checks/run.js');
    const { CHECKS } = await import('../../src/checks/registry.js');
    const { createReportBuilder } = await import('../../src/report/builder.js');
    const { checkContext, exchange, json, ok } = await import('../checks/fixtures.js');
    const context = await checkContext();
    const out = sink(false);
    const builder = createReportBuilder({ contract: context.contract, checks: CHECKS, baseUrl: 'http://x' });
    const listener = fanOut(builder, progressListener(createProgress(out, { intervalMs: 0, now: () => 0 })));
    listener.onStart(2);
    for (const sample of [exchange(ok()), exchange(json(500, {}))]) listener.onExchange(sample, runChecks(CHECKS, context, sample));
    listener.onPact({ description: 'update', passed: true });
    listener.onFinish();
    expect(builder.build(5).totals).to.include({ exchanges: 2, pactFailures: 0 });
    expect(out.text()).to.contain('verify: 2/2 exchanges, 3 failing');
  });
});
