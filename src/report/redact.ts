/** Redaction: an API key's value never leaves the harness, even when a provider echoes it back in a body. */

/** What a secret's value is replaced with. */
export const REDACTED = '[REDACTED]';

const xmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Every spelling of a secret that output may carry: raw, JSON-escaped, percent-encoded, XML-escaped. */
function spellings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  // The last form is JSON-escaped twice: a body echoing the key, itself inside a JSON report's string.
  const forms = [secret, json, encodeURIComponent(secret), xmlEscape(secret), JSON.stringify(json).slice(1, -1)];
  // Longest first, so a longer spelling is not half-replaced through a shorter one it contains.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of every secret (in each of its spellings) with REDACTED. Empty secrets are ignored. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === '') continue;
    for (const form of spellings(secret)) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** A redactor bound to a list of secrets, for log writers. */
export const redactor = (secrets: readonly string[]) => (text: string): string => redact(text, secrets);

/** A deep copy of plain data with every string (keys included) redacted. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.every((secret) => secret === '')) return value;
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return redact(node, secrets);
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [redact(key, secrets), visit(item)]));
  };
  return visit(value) as T;
}
