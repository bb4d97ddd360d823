/** Path templates: matching a request path to a template, and building one from parameter values. */

/** A literal run of the template, or a `{name}` placeholder. */
type Piece = { readonly literal: string } | { readonly param: string };

/** A template split into pieces, with the regex that matches concrete paths: compiled once per template. */
interface CompiledTemplate {
  readonly pieces: readonly Piece[];
  readonly names: readonly string[];
  readonly matcher: RegExp;
}

const compiled = new Map<string, CompiledTemplate>();
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(template: string): CompiledTemplate {
  let found = compiled.get(template);
  if (found) return found;
  const pieces: Piece[] = template.split(/(\{[^}]+\})/).filter(Boolean).map((part) =>
    part.startsWith('{') && part.endsWith('}') ? { param: part.slice(1, -1) } : { literal: part });
  const names = pieces.flatMap((piece) => ('param' in piece ? [piece.param] : []));
  // Empty segments match, so that an empty parameter is reported as such rather than as "unknown path".
  const source = pieces.map((piece) => ('literal' in piece ? escapeRegExp(piece.literal) : '([^/?#]*)')).join('');
  found = { pieces, names, matcher: new RegExp(`^${source}$`) };
  compiled.set(template, found);
  return found;
}

/** The template's parameter names, in the order they appear (`id`, `integrationId`). */
export const templateParams = (template: string): readonly string[] => compile(template).names;

/** The raw (still percent-encoded) parameter segments of a path, or undefined when the path is another route. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const { names, matcher } = compile(template);
  const found = matcher.exec(path.replace(/[?#].*$/s, ''));
  if (!found) return undefined;
  const params: Record<string, string> = {};
  names.forEach((name, index) => { params[name] = found[index + 1] ?? ''; });
  return params;
}

/** Percent-decodes one path segment (`+` stays `+`: it means space only in query strings); undefined if malformed. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

const HEX = Array.from({ length: 256 }, (_, byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`);
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const PCHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/;
// Per-ASCII-character output for each style, built once: encoding is on the hot path of request generation.
const ASCII = {
  unreserved: Array.from({ length: 128 }, (_, code) => (UNRESERVED.test(String.fromCharCode(code)) ? String.fromCharCode(code) : HEX[code] as string)),
  pchar: Array.from({ length: 128 }, (_, code) => (PCHAR.test(String.fromCharCode(code)) ? String.fromCharCode(code) : HEX[code] as string)),
};

// Module level, not inside encodeCodePoint: a named inner function is re-created (and, under tsx, re-named through
// a defineProperty) on every call, which cost more than the encoding itself.
const hex = (byte: number): string => HEX[byte] as string;

/** UTF-8 percent-encoding of one code point above ASCII; a lone surrogate becomes U+FFFD, as TextEncoder does. */
function encodeCodePoint(point: number): string {
  const cp = point >= 0xd800 && point <= 0xdfff ? 0xfffd : point;
  if (cp < 0x800) return hex(0xc0 | (cp >> 6)) + hex(0x80 | (cp & 0x3f));
  if (cp < 0x10000) return hex(0xe0 | (cp >> 12)) + hex(0x80 | ((cp >> 6) & 0x3f)) + hex(0x80 | (cp & 0x3f));
  return hex(0xf0 | (cp >> 18)) + hex(0x80 | ((cp >> 12) & 0x3f)) + hex(0x80 | ((cp >> 6) & 0x3f)) + hex(0x80 | (cp & 0x3f));
}

/**
 * Percent-encodes a value as one path segment per RFC 3986: `unreserved` (the default) leaves only unreserved
 * characters raw; `pchar` also leaves the sub-delims, `:` and `@` raw, as a segment allows. `|` is never raw.
 * `.` and `..` alone are encoded (`%2E`) for servers that read paths literally; note that WHATWG URL parsers (so
 * `new URL`, `fetch`, undici's `request(url)`) treat `%2E` as a dot segment too, so such paths must be sent through
 * a dispatcher with the path as given (`{origin, path}`), never through a URL object.
 */
export function encodeSegment(value: string, keepRaw: 'pchar' | 'unreserved' = 'unreserved'): string {
  if (value === '.' || value === '..') return value.replace(/\./g, '%2E');
  const table = ASCII[keepRaw];
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x80) {
      out += table[unit] as string;
      continue;
    }
    const point = value.codePointAt(i) as number;
    if (point > 0xffff) i++;
    out += encodeCodePoint(point);
  }
  return out;
}

/** Builds a concrete path from a template and raw parameter values, encoding each segment. */
export function buildPath(template: string, values: Readonly<Record<string, string>>, keepRaw: 'pchar' | 'unreserved' = 'unreserved'): string {
  let path = '';
  for (const piece of compile(template).pieces) path += 'literal' in piece ? piece.literal : encodeSegment(values[piece.param] ?? '', keepRaw);
  return path;
}
