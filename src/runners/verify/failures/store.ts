/**
 * The failure database on disk (Hypothesis's example database is the model): a directory of one JSON file per
 * minimal failing case, `<check>-<signature>.json`, written as findings appear, each write atomic (a temporary file
 * renamed over the old one), so that Ctrl+C or a crash loses nothing and leaves no half-written entry. A second,
 * read-only directory (a CI cache, a teammate's copy) is read too and never written.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../../../errors.js';
import { redact, redactDeep } from '../../../secrets.js';
import { isEntryKey, parseEntry, type FailureEntry } from './entry.js';

/** An entry read from disk, and where from. */
export interface StoredEntry {
  readonly entry: FailureEntry;
  readonly source: 'database' | 'read-only';
}

/** What was read: the entries (the writable database's first, when both hold a key) and the files that are no entry. */
export interface Loaded {
  readonly entries: readonly StoredEntry[];
  readonly problems: readonly string[];
}

/** The directory's entry files by key, or none when it does not exist yet. */
function entryFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.json') && isEntryKey(name.slice(0, -5))).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigurationError(`cannot read the failure database ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

let written = 0;

/** A failure database: `dir` written (none when false), `readOnly` only read. */
export class FailureStore {
  readonly dir: string | undefined;
  readonly readOnly: string | undefined;

  constructor(dir: string | false, readOnly: string | undefined, private readonly secrets: readonly string[]) {
    this.dir = dir === false ? undefined : resolve(dir);
    this.readOnly = readOnly === undefined ? undefined : resolve(readOnly);
  }

  /** Reads both directories; a key in both is taken from the writable one. */
  load(): Loaded {
    const entries = new Map<string, StoredEntry>();
    const problems: string[] = [];
    const read = (dir: string | undefined, source: StoredEntry['source']): void => {
      if (dir === undefined) return;
      for (const name of entryFiles(dir)) {
        const key = name.slice(0, -5);
        if (entries.has(key)) continue;
        const parsed = parseEntry(readFileSync(join(dir, name), 'utf8'), key);
        if ('problem' in parsed) problems.push(`${join(dir, name)} is left alone: ${parsed.problem}`);
        else entries.set(key, { entry: parsed, source });
      }
    };
    read(this.dir, 'database');
    read(this.readOnly, 'read-only');
    return { entries: [...entries.values()], problems };
  }

  /** Writes an entry atomically, every secret redacted (nothing without a writable directory). */
  write(entry: FailureEntry): void {
    if (this.dir === undefined) return;
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${entry.key}.json`);
    const temporary = join(this.dir, `.${entry.key}.${process.pid}.${++written}.tmp`);
    writeFileSync(temporary, redact(`${JSON.stringify(redactDeep(entry, this.secrets), null, 2)}\n`, this.secrets));
    renameSync(temporary, file);
  }

  /** Removes an entry from the writable directory (a fixed one, pruned). */
  remove(key: string): void {
    if (this.dir !== undefined) rmSync(join(this.dir, `${key}.json`), { force: true });
  }
}
