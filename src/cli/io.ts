/** Where a command reads and writes; the real process streams in production, buffers in tests. */
import { terminalSafe } from '../report/terminal.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly isTty: boolean;
  /** stderr as a raw stream (progress bars redraw lines; nothing is appended). */
  readonly progress: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  /** What `-` means for commands that read input (validate). */
  readonly stdin: AsyncIterable<Buffer | string>;
  /** The process' own streams: a child process (the mock's client command) may write to them directly. */
  readonly inheritable?: true;
}

/** The same streams, with every control character printed escaped but colour codes (see report/terminal.ts). */
export function terminalSafeIo(io: CliIo): CliIo {
  return {
    out: (text) => io.out(terminalSafe(text)),
    err: (text) => io.err(terminalSafe(text)),
    isTty: io.isTty,
    progress: io.progress,
    get stdin() {
      return io.stdin;
    },
    ...(io.inheritable ? { inheritable: true as const } : {}),
  };
}

/** The process' own streams: the only place the project writes to stdout and stderr. */
export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
  progress: process.stderr,
  get stdin() {
    return process.stdin;
  },
  inheritable: true,
};
