/**
 * Output paths checked before a run: a report, log or folder that cannot be written is refused up front (exit 2),
 * not found out after the run. A file is checked by opening it for writing (access(2) says yes under /proc, where
 * nothing can be created), and two outputs may not share a path.
 */
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';

const code = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

/** Creates `dir` and its missing parents one level at a time: Node's recursive mkdir never returns under /proc. */
function makeDirs(dir: string, what: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      throw new ConfigurationError(`cannot write ${what} ${dir}: ${code(error)}`);
    }
  }
  if (!statSync(dir).isDirectory()) throw new ConfigurationError(`cannot write ${what} ${dir}: ENOTDIR (a file is in the way)`);
}

/** Creates `dir` if need be and writes (then removes) a file in it: what writing into it will need. */
function probeDir(dir: string, what: string): void {
  makeDirs(dir, what);
  const probe = join(dir, `.stigg-contract-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (error) {
    throw new ConfigurationError(`cannot write ${what} ${dir}: ${code(error)}`);
  }
  rmSync(probe, { force: true });
}

/** Opens `file` for appending (creating it, then removing it again when it was not there): what writing it will need. */
function probeFile(file: string): void {
  try {
    makeDirs(dirname(file), 'into the folder of');
  } catch (error) {
    // Named by the file asked for: its folder is only the reason.
    throw new ConfigurationError(`cannot write ${file}: ${(error as Error).message.replace(/^.*: /, '')}`);
  }
  const existed = existsSync(file);
  if (existed && statSync(file).isDirectory()) throw new ConfigurationError(`cannot write ${file}: it is a directory`);
  try {
    closeSync(openSync(file, 'a'));
  } catch (error) {
    throw new ConfigurationError(`cannot write ${file}: ${code(error)}`);
  }
  if (!existed) rmSync(file, { force: true });
}

/** Refuses two outputs at one path: the second would overwrite the first. */
export function refuseSharedPaths(paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(resolve(path))) throw new ConfigurationError(`${path} is given as two outputs: each report, log and folder needs its own path`);
    seen.add(resolve(path));
  }
}

/** The files and folder a run will write, each checked writable before the first request (not after the run). */
export function ensureWritable(files: readonly string[], dir: string | undefined): void {
  refuseSharedPaths([...files, ...(dir === undefined ? [] : [dir])]);
  for (const file of files) probeFile(file);
  if (dir !== undefined) probeDir(dir, 'regression tests into');
}

/** A folder a command will write into (the mock's `--record-pact`), created and checked before it runs. */
export const ensureWritableDir = (dir: string, what: string): void => probeDir(dir, what);
