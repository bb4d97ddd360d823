/** Where a command reads and writes; the real process streams in production, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly isTty: boolean;
  /** stderr as a raw stream (progress bars redraw lines; nothing is appended). */
  readonly progress: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  /** What `-` means for commands that read input (validate). */
  readonly stdin: AsyncIterable<Buffer | string>;
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
};
