import { createHash } from 'node:crypto';
import { DEFAULT_CONTRACT_FILE, parseContract, readContractText, selectOperation } from '../contract/load.js';
import { bindOperation, type OperationContract } from './bind.js';

/** How many distinct opened contracts a process keeps: a run needs one; a suite may open a few fixtures. */
const KEPT = 8;
const opened = new Map<string, Promise<OperationContract>>();

/** Freezes plain data all the way down, so one opened contract can be shared by every caller without aliasing bugs. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return value;
}

/**
 * Loads a contract file (default: the shipped one) and binds its operation under test.
 * Why a cache: checking the document against the OpenAPI schema and compiling both readings costs about 0.1 s, and
 * a library user's suite (or a CLI run in-process) opens the same contract many times. It is keyed by the file's
 * text, read every time, so an edited file is opened afresh; what it returns is frozen, so sharing it is safe.
 */
export async function openContract(file: string = DEFAULT_CONTRACT_FILE, operation?: string): Promise<OperationContract> {
  const text = await readContractText(file);
  const key = createHash('sha256').update(`${file}\0${operation ?? ''}\0${text}`).digest('hex');
  let entry = opened.get(key);
  if (!entry) {
    entry = parseContract(text, file).then((contract) => {
      const bound = bindOperation(contract, selectOperation(contract, operation));
      deepFreeze(bound.contract);
      deepFreeze(bound.defects);
      deepFreeze(bound.parts.schemas);
      return bound;
    });
    opened.set(key, entry);
    // A failure is not kept: the next call says it again, from a fresh attempt.
    entry.catch(() => opened.delete(key));
    if (opened.size > KEPT) opened.delete(opened.keys().next().value as string);
  }
  return entry;
}
