/** Progress on long runs: a cli-progress bar on a TTY, plain periodic lines otherwise; always through a given stream. */
import cliProgress from 'cli-progress';
import { failingFindings } from '../checks/finding.js';
import type { RunListener } from '../events/index.js';

/** Where progress goes (the CLI passes stderr or a buffer): anything with `write`, and whether it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** How progress is shown. */
export interface ProgressOptions {
  /** Prefix of every line (default `verify`). */
  readonly label?: string;
  /** Overrides the stream's own `isTTY`. */
  readonly tty?: boolean;
  /** Without a TTY: at most one line per this many ms (default 5000), plus the first and the last. */
  readonly intervalMs?: number;
  /** The clock deciding when a plain line is due (injectable so tests need no sleeps). */
  readonly now?: () => number;
}

/** What the runner calls as cases complete. */
export interface Progress {
  start(total: number): void;
  /** One more exchange done; `failing` is the number of findings that fail the run so far. */
  tick(state?: { readonly failing?: number }): void;
  stop(): void;
}

function plainProgress(stream: ProgressStream, label: string, intervalMs: number, now: () => number): Progress {
  let total = 0;
  let done = 0;
  let failing = 0;
  let lastAt = 0;
  let lastDone = -1;
  let started = 0;
  const line = (): void => {
    const elapsed = ((now() - started) / 1000).toFixed(1);
    stream.write(`${label}: ${done}/${total} exchanges, ${failing} failing, ${elapsed} s\n`);
    lastAt = now();
    lastDone = done;
  };
  return {
    start(count) {
      total = count;
      started = now();
      line();
    },
    tick(state) {
      done++;
      // Shrinking sends exchanges beyond the plan: the total grows rather than reading 203/202.
      total = Math.max(total, done);
      failing = state?.failing ?? failing;
      if (now() - lastAt >= intervalMs) line();
    },
    stop() {
      if (done !== lastDone) line();
    },
  };
}

function barProgress(stream: ProgressStream, label: string): Progress {
  // cli-progress draws only on a stream that says it is a TTY, through `write` and node's readline cursor helpers
  // (which call `write` too); the adapter lets a caller force the bar and keeps the given stream the only sink.
  const terminal = { write: (text: string): boolean => (stream.write(text), true), isTTY: true, columns: stream.columns ?? 80 };
  const bar = new cliProgress.SingleBar({
    stream: terminal as unknown as NodeJS.WritableStream,
    format: `${label} [{bar}] {value}/{total} exchanges | {failing} failing | {duration_formatted} (ETA {eta_formatted})`,
    hideCursor: true,
    clearOnComplete: false,
    noTTYOutput: false,
  }, cliProgress.Presets.shades_classic);
  let failing = 0;
  let total = 0;
  let done = 0;
  return {
    start(count) {
      total = count;
      bar.start(total, 0, { failing });
    },
    tick(state) {
      failing = state?.failing ?? failing;
      if (++done > total) bar.setTotal((total = done));
      bar.increment(1, { failing });
    },
    stop: () => bar.stop(),
  };
}

/** A progress reporter for `stream`: a bar when it is a TTY, plain periodic lines when it is not. */
export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): Progress {
  const label = options.label ?? 'verify';
  const tty = options.tty ?? stream.isTTY === true;
  return tty ? barProgress(stream, label) : plainProgress(stream, label, options.intervalMs ?? 5000, options.now ?? Date.now);
}

/** Progress as a run listener: starts, ticks with the running count of failing findings, stops on finish or abort. */
export function progressListener(progress: Progress, options: { readonly strictContract?: boolean } = {}): RunListener {
  let failing = 0;
  let started = false;
  return {
    onStart(planned) {
      started = true;
      progress.start(planned);
    },
    onExchange(_exchange, runs) {
      // The failure database's replays come before the plan is known (and before the start): they are no planned case.
      if (!started) return;
      failing += failingFindings(runs, options.strictContract);
      progress.tick({ failing });
    },
    onAbort: () => progress.stop(),
    onFinish: () => progress.stop(),
  };
}
