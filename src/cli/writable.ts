/** Output paths checked before a run: a report, log or folder that cannot be written is refused up front (exit 2). */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigurationError } from '../errors.js';

const code = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

function check(path: string, what: string): void {
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    throw new ConfigurationError(`cannot write ${what} ${path}: ${code(error)}`);
  }
}

/** The files and folder a run will write, each checked writable before the first request (not after the run). */
export function ensureWritable(files: readonly string[], dir: string | undefined): void {
  for (const file of files) {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (error) {
      throw new ConfigurationError(`cannot write ${file}: ${code(error)}`);
    }
    if (existsSync(file) && statSync(file).isDirectory()) throw new ConfigurationError(`cannot write ${file}: it is a directory`);
    check(existsSync(file) ? file : dirname(file), existsSync(file) ? 'to' : 'into the folder of');
  }
  if (dir === undefined) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new ConfigurationError(`cannot write regression tests into ${dir}: ${code(error)}`);
  }
  check(dir, 'regression tests into');
}
