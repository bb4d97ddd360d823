/** Keeps the API key out of everything the client builds from what the server says (messages, codes, bodies). */

/** What stands in for the key wherever it would have appeared. */
export const REDACTED = '[redacted]';

/** Replaces every occurrence of the key in a text; identity when there is no key. */
export function redactor(apiKey: string | undefined): (text: string) => string {
  if (apiKey === undefined || apiKey === '') return (text) => text;
  return (text) => text.split(apiKey).join(REDACTED);
}

/** Redacts every string (keys included) in a parsed JSON value. */
export function redactDeep(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactDeep(item, redact)]));
  }
  return value;
}
