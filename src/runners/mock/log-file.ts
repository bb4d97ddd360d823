/** The conformance log's file: JSON lines appended as the mock answers, each before its reply goes out. */
import { writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { ConfigurationError } from '../../errors.js';
import type { LogEntry } from './log.js';

/**
 * An append-only JSON-lines file. The lines of one event-loop turn are written together, in call order, with one
 * synchronous append when the turn ends (setImmediate); each writer's promise resolves once its line is written, so
 * a reply never goes out before its line. An append to a local file costs microseconds: far less than a thread-pool
 * write per line awaited through a promise chain, which cost the mock a third of its time under load.
 */
export class ConformanceLog {
  #error: Error | undefined;
  #closed = false;
  #lines: string[] = [];
  #done: Array<() => void> = [];

  private constructor(readonly file: string, private readonly handle: FileHandle) {}

  /** Opens `file` for appending (creating it); a ConfigurationError (exit 2) when it cannot be. */
  static async open(file: string): Promise<ConformanceLog> {
    try {
      return new ConformanceLog(file, await open(file, 'a'));
    } catch (error) {
      throw new ConfigurationError(`cannot open the log file ${file}: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Appends one entry; resolves once it is written. A failed write is kept for `close` to report, never thrown here. */
  write(entry: LogEntry): Promise<void> {
    return this.writeLine(JSON.stringify(entry));
  }

  /** Appends one line of JSON (no newline); resolves once it is written. */
  writeLine(line: string): Promise<void> {
    if (this.#closed || this.#error) return Promise.resolve();
    if (this.#lines.length === 0) setImmediate(() => this.#flush());
    this.#lines.push(`${line}\n`);
    return new Promise((resolve) => this.#done.push(resolve));
  }

  #flush(): void {
    if (this.#lines.length === 0) return;
    const text = this.#lines.join('');
    const done = this.#done;
    this.#lines = [];
    this.#done = [];
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let offset = 0; offset < bytes.length && !this.#error;) offset += writeSync(this.handle.fd, bytes, offset);
    } catch (error) {
      this.#error = error as Error;
    }
    for (const resolve of done) resolve();
  }

  /** Writes what is pending and closes the file; rejects (ConfigurationError) if any line could not be written. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#flush();
    await this.handle.close();
    if (this.#error) throw new ConfigurationError(`could not write the log file ${this.file}: ${this.#error.message}`, { cause: this.#error });
  }
}
