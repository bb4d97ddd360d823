/**
 * Header fields as HTTP compares them: names case-insensitively (RFC 9110 §5.1), a repeated field as its values
 * joined with `, ` (§5.3). The one folding the harness applies, wherever headers come from (the wire, a pact, a user).
 */

/** Header values as callers give them: a string, or the values of a repeated header. */
export type HeaderValues = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The key a header name is compared and stored under: lower case. */
export const headerKey = (name: string): string => name.toLowerCase();

/** One value for a field given once or repeated: repeated values joined as HTTP folds them. */
export const fieldValue = (value: string | readonly string[]): string => (typeof value === 'string' ? value : value.join(', '));

/** Header names folded, repeated values joined; absent values dropped. */
export function normaliseHeaders(headers: HeaderValues = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[headerKey(name)] = fieldValue(value);
  return out;
}

/** A header by name whatever the case of the names given: the name as `headers` spells it, and its value. */
export function findHeader(headers: HeaderValues, name: string): { readonly name: string; readonly value: string } | undefined {
  const wanted = headerKey(name);
  for (const [spelled, value] of Object.entries(headers)) if (value !== undefined && headerKey(spelled) === wanted) return { name: spelled, value: fieldValue(value) };
  return undefined;
}

/** A header's value by name whatever the case of the names given (a repeated header's values joined). */
export const headerValue = (headers: HeaderValues, name: string): string | undefined => findHeader(headers, name)?.value;
