import { createHash } from 'node:crypto';
import { DEFAULT_CONTRACT_FILE, parseContract, parseContractSync, readContractText, readContractTextSync } from '../contract/load.js';
import { assertDrivable, selectOperation } from '../contract/select.js';
import type { Contract } from '../contract/types.js';
import { bindOperation, type OperationContract } from './bind.js';

/** How many distinct opened contracts a process keeps: a run needs one; a suite may open a few fixtures. */
const KEPT = 8;
const opened = new Map<string, Promise<OperationContract>>();
const openedSync = new Map<string, OperationContract>();

/** Freezes plain data all the way down, so one opened contract can be shared by every caller without aliasing bugs. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return value;
}

const keyOf = (file: string, operation: string | undefined, text: string): string =>
  createHash('sha256').update(`${file}\0${operation ?? ''}\0${text}`).digest('hex');

/** Selects the operation (refusing one the harness cannot drive), binds it, and freezes what is shared. */
function bindSelected(contract: Contract, operation: string | undefined): OperationContract {
  const selected = selectOperation(contract, operation);
  assertDrivable(contract, selected);
  const bound = bindOperation(contract, selected);
  deepFreeze(bound.contract);
  deepFreeze(bound.defects);
  deepFreeze(bound.parts.schemas);
  return bound;
}

/** How to open a contract: which operation (an operationId or `METHOD /path`; default: the shipped one). */
export interface OpenContractOptions {
  readonly operation?: string;
}

/** The selector from the second argument, a string (as the CLI passes `--operation`) or the options object. */
const selectorOf = (options: string | OpenContractOptions | undefined): string | undefined => (typeof options === 'string' ? options : options?.operation);

/** Keeps an entry, forgetting the oldest beyond KEPT. */
function keep<T>(cache: Map<string, T>, key: string, value: T): void {
  cache.set(key, value);
  if (cache.size > KEPT) cache.delete(cache.keys().next().value as string);
}

/**
 * Loads a contract file (default: the shipped one) and binds its operation under test (default: the shipped
 * operation, see selectOperation).
 * Why a cache: checking the document against the OpenAPI schema and compiling both readings costs about 0.1 s, and
 * a library user's suite (or a CLI run in-process) opens the same contract many times. It is keyed by the file's
 * text, read every time, so an edited file is opened afresh; what it returns is frozen, so sharing it is safe.
 */
export async function openContract(file: string = DEFAULT_CONTRACT_FILE, options?: string | OpenContractOptions): Promise<OperationContract> {
  const operation = selectorOf(options);
  const text = await readContractText(file);
  const key = keyOf(file, operation, text);
  let entry = opened.get(key);
  if (!entry) {
    entry = parseContract(text, file).then((contract) => bindSelected(contract, operation));
    keep(opened, key, entry);
    // A failure is not kept: the next call says it again, from a fresh attempt.
    entry.catch(() => opened.delete(key));
  }
  return entry;
}

/**
 * openContract for callers that must stay synchronous (the chai assertion, opened on first use). It skips the
 * OpenAPI schema check, which swagger-parser only does asynchronously: meant for the shipped contract, which the
 * test suite checks; everything else (YAML, version, the operation's model, lint, compilation) is the same.
 */
export function openContractSync(file: string = DEFAULT_CONTRACT_FILE, options?: string | OpenContractOptions): OperationContract {
  const operation = selectorOf(options);
  const text = readContractTextSync(file);
  const key = keyOf(file, operation, text);
  const found = openedSync.get(key);
  if (found) return found;
  const bound = bindSelected(parseContractSync(text, file), operation);
  keep(openedSync, key, bound);
  return bound;
}
