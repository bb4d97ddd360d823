/**
 * The conformance log: one JSON line per request the mock saw, appended to a file and written before the reply is
 * sent (so a client that has its response can already read the line). API keys never reach it: every key header
 * value is replaced by "[REDACTED]", and the key, in every spelling the shared scrubber knows, is cut out of the
 * values of everything else the client sent (never out of a key or a tag: the line keeps its shape whatever the key).
 */
import { REDACTED, redact, scrubValues, type ValuePath } from '../../secrets.js';
import type { ClientExchange } from '../../events/index.js';
import type { MockDecision, MockRequest } from './types.js';

export { REDACTED };

/** One line of the conformance log: the mock's run event (events/). */
export type LogEntry = ClientExchange;

/** Bodies up to this size are logged parsed; longer or non-JSON ones as text cut to RAW_PREVIEW_CHARS. */
const LOGGED_JSON_BYTES = 64 * 1024;
const RAW_PREVIEW_CHARS = 2048;
/** Keys shorter than this are redacted only in their header: cutting "abc" out of every text would mangle the log. */
const MIN_KEY_LENGTH_TO_SCRUB = 4;
/** Nesting below this depth is logged as "[too deep]" (keeps redaction and serialisation bounded). */
const MAX_DEPTH = 64;
// Credentials other than the contract's key header a client may send: never logged either.
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

function bodyForLog(rawBody: string | undefined): { body?: unknown; rawBody?: string } {
  if (rawBody === undefined || rawBody === '') return {};
  if (rawBody.length <= LOGGED_JSON_BYTES) {
    try {
      return { body: JSON.parse(rawBody) as unknown };
    } catch {
      // Not JSON: logged as text below.
    }
  }
  return { rawBody: rawBody.length <= RAW_PREVIEW_CHARS ? rawBody : `${rawBody.slice(0, RAW_PREVIEW_CHARS)}… (${rawBody.length} chars)` };
}

/** A log line's own vocabulary, never scrubbed: what `mock report`, the client report and the pact recording read. */
const LOG_TAGS: ReadonlySet<ValuePath> = new Set(['time', 'verdict', 'issues.*.part', 'issues.*.pointer', 'issues.*.keyword', 'response.source', 'drill']);

/** The log entry of one exchange, redacted, and its JSON line; `keyHeaders` are the contract's API-key headers, lower-cased. */
export function logLine(time: Date, index: number, seed: number, request: MockRequest, decision: MockDecision, keyHeaders: readonly string[]): { entry: LogEntry; line: string } {
  const secretHeaders = new Set([...keyHeaders, ...CREDENTIAL_HEADERS]);
  const keys = [...secretHeaders].map((name) => request.headers[name]?.trim() ?? '').filter((key) => key.length >= MIN_KEY_LENGTH_TO_SCRUB);
  const headers: Record<string, string> = {};
  for (const name of Object.keys(request.headers)) headers[name] = secretHeaders.has(name) ? REDACTED : (request.headers[name] as string);
  const { reply } = decision;
  const entry: LogEntry = {
    time: time.toISOString(),
    index,
    seed,
    request: { method: request.method, path: request.path, headers, ...bodyForLog(request.rawBody) },
    verdict: decision.verdict,
    issues: decision.issues,
    ...(decision.reason === undefined ? {} : { reason: decision.reason }),
    response: {
      status: reply.status,
      ...(reply.rawBody !== undefined ? { body: reply.rawBody } : reply.body !== undefined ? { body: reply.body } : {}),
      source: decision.source,
      ...(decision.interaction === undefined ? {} : { interaction: decision.interaction }),
    },
    ...(decision.note === undefined ? {} : { note: decision.note }),
    ...(decision.drill === undefined ? {} : { drill: decision.drill }),
    ...(decision.drift === undefined ? {} : { drift: decision.drift }),
  };
  // The key is cut out of the whole entry only when it is in it (its JSON-escaped text is then in the line), or when
  // the line cannot be made (nesting too deep for JSON.stringify): a copy of every entry would cost more than the rest.
  let line: string | undefined;
  try {
    line = JSON.stringify(entry);
  } catch {
    line = undefined;
  }
  if (line !== undefined && redact(line, keys) === line) return { entry, line };
  const scrubbed = scrubValues(entry, (text) => redact(text, keys), { keep: LOG_TAGS, maxDepth: MAX_DEPTH });
  return { entry: scrubbed, line: JSON.stringify(scrubbed) };
}

/** The (redacted) log entry of one exchange. */
export const logEntry = (...args: Parameters<typeof logLine>): LogEntry => logLine(...args).entry;
