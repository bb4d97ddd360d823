/**
 * The one scrubber of secrets (API keys, broker tokens and passwords): every byte the harness prints, writes or
 * raises passes through it. A server may echo a secret back in any spelling, so each secret is searched in every
 * form output can carry it in — raw, JSON-escaped (also ASCII-only and with `\/`, as Ruby, Python and PHP
 * encoders write it), JSON-escaped twice (an echo inside a JSON report), percent-encoded (either hex case, `+`
 * for spaces), XML-escaped, base64 — and a basic-auth pair also as the base64 of `user:password` (standard and
 * URL-safe, padded or not), the form an echoed `Authorization` header shows. All are replaced by one placeholder,
 * in values only: structured output is scrubbed before it is serialised (scrubValues), never as text afterwards, so
 * no secret (`k`, `id`, `<`, `"`) can rewrite a key, a tag or the syntax of JSON, XML or a pact.
 */

/** What stands in for a secret wherever it would have appeared. */
export const REDACTED = '[REDACTED]';

/** The environment variable the API key is read from, by every command and the client. */
export const API_KEY_ENV = 'STIGG_API_KEY';

/** What recorded requests, logs and curl reproducers show instead of the API key: the shell reference to it. */
export const API_KEY_PLACEHOLDER = `$${API_KEY_ENV}`;

const xmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const jsonInner = (text: string): string => JSON.stringify(text).slice(1, -1);

/** JSON escaping as ASCII-only encoders write it: every non-ASCII UTF-16 unit as \uXXXX. */
const asciiJson = (text: string, upper: boolean): string =>
  jsonInner(text).replace(/[\u007f-\uffff]/g, (c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });

const percentForms = (text: string): string[] => {
  const upper = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const plain = encodeURIComponent(text);
  const lower = (s: string): string => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
  // application/x-www-form-urlencoded, as query strings and form bodies carry it.
  const form = new URLSearchParams({ s: text }).toString().slice(2);
  return [plain, upper, lower(plain), lower(upper), form, lower(form)];
};

/**
 * A secret near-missed, as verify sends wrong keys (another case, one character short at either end): an echo of
 * one of those would show the secret all but. Only for secrets long enough that such a variant still stands for it.
 */
function nearMisses(secret: string): string[] {
  const points = [...secret];
  if (points.length < 9) return [];
  return [secret.toUpperCase(), secret.toLowerCase(), points.slice(0, -1).join(''), points.slice(1).join('')].filter((variant) => variant !== secret);
}

/** Every spelling of one secret that output may carry, and of its near misses. */
export function secretForms(secret: string): string[] {
  return [...new Set([secret, ...nearMisses(secret)].flatMap(spellingsOf))];
}

/** Every spelling of one text that output may carry. */
function spellingsOf(secret: string): string[] {
  if (secret === '') return [];
  const json = jsonInner(secret);
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  const forms = [
    secret, json, asciiJson(secret, false), asciiJson(secret, true), json.replace(/\//g, '\\/'),
    jsonInner(json), jsonInner(json.replace(/\//g, '\\/')), ...percentForms(secret), xmlEscape(secret),
    base64, base64.replace(/=+$/, ''), Buffer.from(secret, 'utf8').toString('base64url'),
  ];
  return [...new Set(forms)];
}

/** The secrets a basic-auth pair adds: the password, and the base64 of `user:password` as an echoed header shows it. */
export function basicAuthSecrets(username: string, password: string): string[] {
  const encoded = Buffer.from(`${username}:${password}`, 'utf8');
  const standard = encoded.toString('base64');
  const urlSafe = encoded.toString('base64url');
  return [...new Set([password, standard, standard.replace(/=+$/, ''), urlSafe])].filter((s) => s !== '');
}

/**
 * The secrets a header value adds (`--header`): the value, the credentials after an auth scheme (`Bearer t`,
 * `Basic …`), and for basic auth the password and the base64 forms of the pair (an echo may show any of them).
 */
export function headerValueSecrets(value: string): string[] {
  const credentials = /^[A-Za-z][\w-]*\s+(\S.*)$/.exec(value)?.[1];
  if (credentials === undefined) return [value];
  const decoded = /^basic\s/i.test(value) ? Buffer.from(credentials, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  return [value, credentials, ...(colon > 0 ? basicAuthSecrets(decoded.slice(0, colon), decoded.slice(colon + 1)) : [])];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A scrubber bound to a list of secrets (compiled once); empty secrets are ignored. */
export function scrubber(secrets: readonly string[]): (text: string) => string {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  // Longest first, so a longer spelling is not half-replaced through a shorter one it contains.
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, REDACTED);
}

const cache = new Map<string, (text: string) => string>();

/** Replaces every spelling of every secret in a text with REDACTED. */
export function redact(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0) return text;
  const key = JSON.stringify(secrets);
  let scrub = cache.get(key);
  if (scrub === undefined) {
    if (cache.size > 64) cache.clear();
    scrub = scrubber(secrets);
    cache.set(key, scrub);
  }
  return scrub(text);
}

/** A redactor bound to a list of secrets, for log writers. */
export const redactor = (secrets: readonly string[]): ((text: string) => string) => scrubber(secrets);

/** Where a value sits in plain data: property names joined by `.`, array items as `*` (`findings.*.check`). */
export type ValuePath = string;

/** What `scrubValues` leaves alone: values at these paths (a format's own vocabulary), nesting past `maxDepth`. */
export interface ScrubOptions {
  /** Paths of a format's tags (check ids, kinds, verdicts): never a secret's place, and what readers of it key on. */
  readonly keep?: ReadonlySet<ValuePath>;
  /** Nesting below this depth becomes "[too deep]" (keeps scrubbing and serialising an echoed body bounded). */
  readonly maxDepth?: number;
  /** Object keys too: only for data that no format is built from (a client error's echoed body, handed to its caller). */
  readonly keys?: boolean;
}

/**
 * A deep copy of plain data with every string value passed through `scrub`: never an object key (the format's
 * structure, or a header or property name) and never a value at a `keep` path, so that whatever the secret the output
 * keeps its shape and stays valid (JSON, NDJSON, XML, pact) once serialised.
 */
export function scrubValues<T>(value: T, scrub: (text: string) => string, options: ScrubOptions = {}): T {
  const keep = options.keep ?? new Set<string>();
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const visit = (node: unknown, path: string, depth: number): unknown => {
    if (typeof node === 'string') return keep.has(path) ? node : scrub(node);
    if (node === null || typeof node !== 'object') return node;
    if (depth >= maxDepth) return '[too deep]';
    const child = (name: string): string => (path === '' ? name : `${path}.${name}`);
    if (Array.isArray(node)) return node.map((item) => visit(item, child('*'), depth + 1));
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [options.keys ? scrub(key) : key, visit(item, child(key), depth + 1)]));
  };
  return visit(value, '', 0) as T;
}

/** `scrubValues` with the scrubber of `secrets` (the data itself when there is no secret). */
export function redactDeep<T>(value: T, secrets: readonly string[], options: ScrubOptions = {}): T {
  return secrets.every((secret) => secret === '') ? value : scrubValues(value, scrubber(secrets), options);
}

/** Scrubs an error's message and stack in place (what the CLI prints of it) and returns it, for rethrowing. */
export function scrubError(error: unknown, scrub: (text: string) => string): unknown {
  if (error instanceof Error) {
    error.message = scrub(error.message);
    if (error.stack !== undefined) error.stack = scrub(error.stack);
  }
  return error;
}
