/** Path templates: matching a request path to a template, and building one from parameter values. */

/** A literal run of the template, or a `{name}` placeholder. */
type Piece = { readonly literal: string } | { readonly param: string };

function pieces(template: string): Piece[] {
  return template.split(/(\{[^}]+\})/).filter(Boolean).map((part) =>
    part.startsWith('{') && part.endsWith('}') ? { param: part.slice(1, -1) } : { literal: part });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The raw (still percent-encoded) parameter segments of a path, or undefined when the path is another route. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = pieces(template).map((piece) => {
    if ('literal' in piece) return escapeRegExp(piece.literal);
    names.push(piece.param);
    // Empty segments match, so that an empty parameter is reported as such rather than as "unknown path".
    return '([^/?#]*)';
  }).join('');
  const found = new RegExp(`^${source}$`).exec(path.replace(/[?#].*$/s, ''));
  if (!found) return undefined;
  return Object.fromEntries(names.map((name, index) => [name, found[index + 1] ?? '']));
}

/** Percent-decodes one path segment (`+` stays `+`: it means space only in query strings); undefined if malformed. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Percent-encodes a value as one path segment per RFC 3986: everything but unreserved characters and the sub-delims
 * and `:@` that `pchar` allows raw is encoded. `|` is not in `pchar`, so it is encoded; `@` may stay raw.
 * `.` and `..` alone are encoded (`%2E`) for servers that read paths literally; note that WHATWG URL parsers (so
 * `new URL`, `fetch`, undici's `request(url)`) treat `%2E` as a dot segment too, so such paths must be sent through
 * a dispatcher with the path as given (`{origin, path}`), never through a URL object.
 */
export function encodeSegment(value: string, keepRaw: 'pchar' | 'unreserved' = 'unreserved'): string {
  if (value === '.' || value === '..') return value.replace(/\./g, '%2E');
  const raw = keepRaw === 'pchar' ? /[A-Za-z0-9\-._~!$&'()*+,;=:@]/u : /[A-Za-z0-9\-._~]/u;
  let out = '';
  for (const char of value) {
    out += raw.test(char) ? char : [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/** Builds a concrete path from a template and raw parameter values, encoding each segment. */
export function buildPath(template: string, values: Readonly<Record<string, string>>, keepRaw: 'pchar' | 'unreserved' = 'unreserved'): string {
  return pieces(template).map((piece) => ('literal' in piece ? piece.literal : encodeSegment(values[piece.param] ?? '', keepRaw))).join('');
}
