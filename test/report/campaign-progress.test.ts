import { expect } from 'chai';
import type { CheckRun, Exchange } from '../../src/checks/index.js';
import { campaignProgress } from '../../src/report/campaign-progress.js';
import { progressListener, type Progress } from '../../src/report/progress.js';

const failed = [{ check: 'not_a_server_error', outcome: { status: 'failed', findings: [{ kind: 'violation' }] } }] as unknown as CheckRun[];
const passed: CheckRun[] = [];
const exchange = {} as Exchange;

describe('campaign progress (verify --max-time)', () => {
  it('prints cases and their rate, the failing findings so far, the time left and every epoch\'s seed, at most once per interval', () => {
    const lines: string[] = [];
    let now = 1_000;
    const listener = campaignProgress({ write: (text) => lines.push(text) }, { maxTimeMs: 60_000, intervalMs: 5_000, now: () => now });
    listener.onExchange?.(exchange, failed);
    listener.onStart?.(0);
    listener.onEpoch?.({ stream: '1/1', epoch: 0, seed: 7 });
    for (let i = 0; i < 10; i++) listener.onExchange?.(exchange, i === 3 ? failed : passed);
    now += 5_000;
    listener.onEpoch?.({ stream: '1/1', epoch: 1, seed: -1640531534 });
    listener.onExchange?.(exchange, passed);
    now += 60_000;
    listener.onExchange?.(exchange, passed);
    listener.onFinish?.();
    expect(lines).to.deep.equal([
      'verify: a campaign of 1m 0s: the systematic phase in full, then random cases until the time is spent\n',
      'verify: 11 cases (2/s), 1 failing, 55s left · epochs 0 (seed 7), 1 (seed -1640531534)\n',
      'verify: 12 cases (0/s), 1 failing, budget spent: shrinking, confirming, states\n',
    ]);
  });

  it('the usual progress ignores the failure database\'s replays, which come before the start', () => {
    const ticks: string[] = [];
    const progress: Progress = { start: (total) => void ticks.push(`start ${total}`), tick: () => void ticks.push('tick'), stop: () => void ticks.push('stop') };
    const listener = progressListener(progress);
    listener.onExchange?.(exchange, failed);
    listener.onStart?.(2);
    listener.onExchange?.(exchange, passed);
    listener.onFinish?.();
    expect(ticks).to.deep.equal(['start 2', 'tick', 'stop']);
  });
});
