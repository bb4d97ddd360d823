/**
 * Progress of a campaign (`verify --max-time`): no count of cases is planned, so instead of a bar, a line every few
 * seconds with the cases sent and their rate, the failing findings so far, the time left, and the seed of every epoch
 * started since the last line (each epoch of the random phase draws with a fresh seed: all of them are printed).
 */
import { failingFindings } from '../checks/finding.js';
import type { EpochStart, RunListener } from '../events/index.js';
import type { ProgressStream } from './progress.js';

/** How a campaign's progress is shown. */
export interface CampaignProgressOptions {
  readonly label?: string;
  /** The budget, counted from the first case. */
  readonly maxTimeMs: number;
  readonly strictContract?: boolean;
  /** At most one line per this many ms (default 5000), besides the first and the last. */
  readonly intervalMs?: number;
  /** The clock (injectable so tests need no sleeps). */
  readonly now?: () => number;
}

const clock = (ms: number): string => {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  return h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s}s` : `${s}s`;
};

/** The campaign's progress as a run listener, written to `stream`. */
export function campaignProgress(stream: ProgressStream, options: CampaignProgressOptions): RunListener {
  const label = options.label ?? 'verify';
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 5000;
  let started = 0;
  let running = false;
  let cases = 0;
  let failing = 0;
  let lastAt = 0;
  let lastCases = -1;
  let epochs: EpochStart[] = [];
  const line = (): void => {
    const elapsed = now() - started;
    const rate = elapsed > 0 ? Math.round((cases * 1000) / elapsed) : 0;
    const left = options.maxTimeMs - elapsed;
    const when = left > 0 ? `${clock(left)} left` : 'budget spent: shrinking, confirming, states';
    const seeds = epochs.length === 0 ? '' : ` · epoch${epochs.length === 1 ? '' : 's'} ${epochs.map((epoch) => `${epoch.epoch} (seed ${epoch.seed})`).join(', ')}`;
    stream.write(`${label}: ${cases} cases (${rate}/s), ${failing} failing, ${when}${seeds}\n`);
    [lastAt, lastCases, epochs] = [now(), cases, []];
  };
  return {
    onStart() {
      [started, running] = [now(), true];
      stream.write(`${label}: a campaign of ${clock(options.maxTimeMs)}: the systematic phase in full, then random cases until the time is spent\n`);
      lastAt = started;
    },
    onExchange(_exchange, runs) {
      // The failure database's replays come before the campaign starts.
      if (!running) return;
      cases++;
      failing += failingFindings(runs, options.strictContract);
      if (now() - lastAt >= interval) line();
    },
    onEpoch: (epoch) => void epochs.push(epoch),
    onFinish() {
      if (cases !== lastCases || epochs.length > 0) line();
    },
  };
}
