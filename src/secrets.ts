/**
 * The one scrubber of secrets (API keys, broker tokens and passwords): every byte the harness prints, writes or
 * raises passes through it. A server may echo a secret back in any spelling, so each secret is searched in every
 * form output can carry it in — raw, JSON-escaped (also ASCII-only and with `\/`, as Ruby, Python and PHP
 * encoders write it), JSON-escaped twice (an echo inside a JSON report), percent-encoded (either hex case, `+`
 * for spaces), XML-escaped, base64 — and a basic-auth pair also as the base64 of `user:password` (standard and
 * URL-safe, padded or not), the form an echoed `Authorization` header shows. All are replaced by one placeholder.
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

/** A deep copy of plain data with every string (keys included) redacted. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  return secrets.every((secret) => secret === '') ? value : scrubDeep(value, scrubber(secrets));
}

/** A deep copy of plain data with every string (keys included) passed through `scrub`. */
export function scrubDeep<T>(value: T, scrub: (text: string) => string): T {
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return scrub(node);
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [scrub(key), visit(item)]));
  };
  return visit(value) as T;
}
