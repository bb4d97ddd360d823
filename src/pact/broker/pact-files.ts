/**
 * Pact files to publish: found from the command line (files or directories; default `pacts/*.json`). The
 * check-pact gate then reads and checks them, and the Pact CLI publishes them byte for byte.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ConfigurationError } from '../../errors.js';

/** The directory searched when no pact is named. */
export const DEFAULT_PACT_DIR = 'pacts';

async function jsonFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => join(dir, e.name)).sort();
}

/** Expands the arguments (files, or directories meaning their `*.json`) into a sorted, de-duplicated list. */
export async function findPactFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const targets = args.length > 0 ? args : [DEFAULT_PACT_DIR];
  const found = new Set<string>();
  for (const target of targets) {
    const path = resolve(cwd, target);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined && args.length === 0) throw new ConfigurationError(`no pacts to publish: there is no ${DEFAULT_PACT_DIR}/ directory in ${cwd} (run the consumer tests first, or name the pact files)`);
    if (info === undefined) throw new ConfigurationError(`no such pact file or directory: ${target}`);
    for (const file of info.isDirectory() ? await jsonFilesIn(path) : [path]) found.add(relative(cwd, file) || file);
  }
  if (found.size === 0) {
    const where = args.length > 0 ? targets.join(', ') : `${DEFAULT_PACT_DIR}/`;
    throw new ConfigurationError(`no pacts to publish: no *.json files in ${where} (run the consumer tests first, or name the pact files)`);
  }
  return [...found].sort();
}
