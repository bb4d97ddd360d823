/**
 * One entry of the failure database: a minimal failing case, keyed by its check and signature, with the exact request
 * (not only a seed and path: generators change between versions) and the provider states that recreate its data. The
 * API key is never in it: the case says `valid`, `missing` or a wrong key (a key expression at most), and the request
 * shows `$STIGG_API_KEY`; whatever else holds the key is redacted before writing.
 */
import type { RequestCase } from '../../../arbitraries/index.js';
import type { FindingKind, Replay, Scenario, SentRequest } from '../../../checks/index.js';
import { isJsonObject } from '../../../contract/json.js';
import type { StateChange } from '../state-client.js';

/** The format written in every entry; an entry of another format is left alone. */
export const ENTRY_FORMAT = 'stigg-contract/failure@1';

/** An entry as the file holds it. */
export interface FailureEntry {
  readonly format: typeof ENTRY_FORMAT;
  /** `check-signature`: the file is `<key>.json`. */
  readonly key: string;
  readonly check: string;
  readonly kind: FindingKind;
  readonly signature: string;
  readonly message: string;
  readonly expected: string;
  readonly actual: string;
  /** The request case exactly as generated (path as sent, body bytes, headers, how the key went). */
  readonly case: RequestCase;
  /** The name the key header went under, when not the contract's spelling. */
  readonly keyHeader?: string;
  readonly scenario: Scenario;
  /** Set up in order before the replay, torn down in reverse after it. */
  readonly states: readonly StateChange[];
  /** The request as it went on the wire, the key as `$STIGG_API_KEY`: for people (and the curl). */
  readonly request: SentRequest;
  readonly curl: string;
  /** Where the run that found it would replay it (only while the generators have not changed). */
  readonly replay?: Replay;
  /** The unit of data it addressed (shards replay it in the shard that owns that unit). */
  readonly unit?: string;
  readonly contract: { readonly operation: string; readonly version: string };
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Runs that saw it. */
  readonly seen: number;
  readonly status: 'failing' | 'fixed';
  readonly fixedAt?: string;
  readonly confirmed?: { readonly reproduced: number; readonly of: number };
}

const KEY = /^[a-z0-9_]+-[0-9a-f]{16}$/;

/** Whether a file name (without `.json`) can be an entry's key: a check id, a dash, a 16-hex signature. */
export const isEntryKey = (key: string): boolean => KEY.test(key);

function isCase(value: unknown): value is RequestCase {
  if (!isJsonObject(value)) return false;
  const key = value['key'];
  const keyOk = key === 'valid' || key === 'missing' || (isJsonObject(key) && typeof key['wrong'] === 'string');
  return typeof value['method'] === 'string' && typeof value['path'] === 'string' && isJsonObject(value['params']) && isJsonObject(value['headers'])
    && keyOk && (value['rawBody'] === undefined || typeof value['rawBody'] === 'string') && isJsonObject(value['expect']);
}

const isState = (value: unknown): value is StateChange => isJsonObject(value) && typeof value['state'] === 'string' && isJsonObject(value['params']);

/** Parses an entry file; why it is no entry otherwise. */
export function parseEntry(text: string, key: string): FailureEntry | { readonly problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `not JSON (${(error as Error).message})` };
  }
  if (!isJsonObject(value) || value['format'] !== ENTRY_FORMAT) return { problem: `not a ${ENTRY_FORMAT} entry` };
  if (value['key'] !== key) return { problem: `its key ${JSON.stringify(value['key'])} is not its file name's` };
  const strings = ['check', 'kind', 'signature', 'message', 'firstSeen', 'lastSeen', 'status'].every((name) => typeof value[name] === 'string');
  if (!strings || !isCase(value['case']) || !isJsonObject(value['scenario']) || typeof value['scenario']['kind'] !== 'string') return { problem: 'it lacks its check, case or scenario' };
  if (!Array.isArray(value['states']) || !value['states'].every(isState)) return { problem: 'its states are not a list of provider states' };
  if (!isJsonObject(value['request']) || !isJsonObject(value['contract'])) return { problem: 'it lacks its request or contract' };
  return value as unknown as FailureEntry;
}
