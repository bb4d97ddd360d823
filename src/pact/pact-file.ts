/**
 * Reading and writing pact files. Written pacts are normalised so that the same catalogue always gives the same
 * bytes: interactions sorted, keys sorted, and the writing tools' versions (`metadata.pact-js`, `metadata.pactRust`)
 * dropped — a dependency bump must not change the contract the broker stores. Writes are atomic (temp file, rename),
 * so a reader (check-pact, the verifier, another test run) never sees half a file.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isJsonObject } from '../contract/json.js';

/** A pact file's JSON, checked as far as every reader needs: both names and an interactions array. */
export interface PactDocument {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly interactions: readonly unknown[];
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** A read pact, or why the file cannot be used. */
export type LoadedPact = { readonly ok: true; readonly file: string; readonly pact: PactDocument } | { readonly ok: false; readonly file: string; readonly reason: string };

// Metadata written by the tools rather than the pact: which versions of them wrote it.
const TOOL_METADATA = ['pact-js', 'pactRust', 'pact-jvm'];

const nameOf = (party: unknown): string | undefined => (isJsonObject(party) && typeof party['name'] === 'string' && party['name'] !== '' ? party['name'] : undefined);

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
}

const interactionKey = (interaction: unknown): string =>
  isJsonObject(interaction) ? `${String(interaction['description'])}\u0000${JSON.stringify(sortKeys(interaction['providerStates'] ?? interaction['providerState'] ?? null))}` : '';

/** The canonical form of a pact: tool versions dropped, interactions sorted by description then states, keys sorted. */
export function normalisePact(pact: PactDocument): PactDocument {
  const metadata = Object.fromEntries(Object.entries(pact.metadata ?? {}).filter(([key]) => !TOOL_METADATA.includes(key)));
  const interactions = [...pact.interactions].sort((a, b) => (interactionKey(a) < interactionKey(b) ? -1 : interactionKey(a) > interactionKey(b) ? 1 : 0));
  return sortKeys({ ...pact, metadata, interactions }) as PactDocument;
}

/** The bytes a normalised pact is written as: two-space JSON and a final newline. */
export const serialisePact = (pact: PactDocument): string => `${JSON.stringify(normalisePact(pact), null, 2)}\n`;

/** Checks parsed JSON is a pact (names and interactions); the reason says what is missing. */
export function asPact(value: unknown): { pact: PactDocument } | { reason: string } {
  if (!isJsonObject(value)) return { reason: 'not a pact: the JSON is not an object' };
  const missing = [nameOf(value['consumer']) ? '' : 'consumer.name', nameOf(value['provider']) ? '' : 'provider.name', Array.isArray(value['interactions']) ? '' : 'interactions'].filter(Boolean);
  if (missing.length > 0) return { reason: `not a pact: no ${missing.join(', ')}` };
  return { pact: value as unknown as PactDocument };
}

/** Reads and parses one pact file; unreadable, malformed or not-a-pact files come back with a reason. */
export async function loadPact(file: string): Promise<LoadedPact> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, file, reason: `cannot read: ${(error as Error).message}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, file, reason: `not JSON: ${(error as Error).message}` };
  }
  const checked = asPact(value);
  return 'pact' in checked ? { ok: true, file, pact: checked.pact } : { ok: false, file, reason: checked.reason };
}

/** Writes a file atomically: a temp file beside it, then a rename over it. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

/** One promoted pact: where it went and whether its bytes changed. */
export interface Promoted {
  readonly file: string;
  readonly changed: boolean;
}

/**
 * Normalises every pact pact-js wrote into `fromDir` (after `finish`, e.g. admitNullables) and moves it into
 * `toDir`, rewriting only what changed.
 */
export async function promotePacts(fromDir: string, toDir: string, finish: (pact: PactDocument) => PactDocument = (pact) => pact): Promise<Promoted[]> {
  const names = (await readdir(fromDir)).filter((name) => name.endsWith('.json')).sort();
  const promoted: Promoted[] = [];
  for (const name of names) {
    const loaded = await loadPact(join(fromDir, name));
    if (!loaded.ok) throw new Error(`pact-js wrote an unusable pact ${name}: ${loaded.reason}`);
    const text = serialisePact(finish(loaded.pact));
    const target = join(toDir, name);
    const before = await readFile(target, 'utf8').catch(() => undefined);
    if (before !== text) await writeFileAtomic(target, text);
    promoted.push({ file: target, changed: before !== text });
  }
  return promoted;
}
