/**
 * Pact files to publish: found from the command line (files or directories; default `pacts/*.json`), read as
 * bytes (published exactly as written, so what the broker stores decodes back to the file) and checked for the
 * consumer and provider names the publication needs.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ConfigurationError } from '../../errors.js';

/** One pact file, read and checked. */
export interface PactFile {
  readonly path: string;
  readonly consumer: string;
  readonly provider: string;
  readonly content: Buffer;
}

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

function nameOf(pact: Record<string, unknown>, role: 'consumer' | 'provider'): string | undefined {
  const party = pact[role];
  const name = typeof party === 'object' && party !== null ? (party as Record<string, unknown>)['name'] : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/** Reads one pact file (relative to `cwd`); not JSON, not an object, or no consumer/provider name is a ConfigurationError. */
export async function readPactFile(path: string, cwd = process.cwd()): Promise<PactFile> {
  const content = await readFile(resolve(cwd, path)).catch((error: unknown) => {
    throw new ConfigurationError(`cannot read pact file ${path}: ${(error as Error).message}`, { cause: error });
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.toString('utf8'));
  } catch (error) {
    throw new ConfigurationError(`pact file ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigurationError(`pact file ${path} is not a pact: its JSON is not an object`);
  }
  const pact = parsed as Record<string, unknown>;
  const consumer = nameOf(pact, 'consumer');
  const provider = nameOf(pact, 'provider');
  if (consumer === undefined || provider === undefined) {
    throw new ConfigurationError(`pact file ${path} is not a pact: it lacks ${consumer === undefined ? 'consumer.name' : 'provider.name'}`);
  }
  return { path, consumer, provider, content };
}

/** Finds and reads the pact files named by the arguments (or `pacts/*.json`). */
export async function loadPactFiles(args: readonly string[], cwd: string): Promise<PactFile[]> {
  const files = await findPactFiles(args, cwd);
  return Promise.all(files.map((file) => readPactFile(file, cwd)));
}
