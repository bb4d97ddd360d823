/**
 * Media types (RFC 9110 §8.3.1): `type/subtype` tokens, case-insensitive, then `;`-separated parameters. JSON is
 * `application/json` (RFC 8259 §11) and any type with the `+json` structured-syntax suffix (RFC 6839 §3.1, e.g.
 * `application/problem+json`); `application/json-seq` (RFC 7464) is a sequence of JSON texts, not one, so it is not.
 */

/** A media type read: its essence (`type/subtype`, lower case), the structured-syntax suffix, and its parameters. */
export interface MediaType {
  readonly type: string;
  readonly subtype: string;
  readonly essence: string;
  /** The suffix after the last `+` of the subtype (`json` in `problem+json`), when there is one. */
  readonly suffix?: string;
  /** Parameter names in lower case; quoted values unquoted. */
  readonly parameters: ReadonlyMap<string, string>;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const ESSENCE = new RegExp(`^(${TOKEN})/(${TOKEN})$`);
const PARAMETER = new RegExp(`^(${TOKEN})=(?:(${TOKEN})|"((?:[^"\\\\]|\\\\.)*)")$`);

/** Reads a Content-Type value; undefined when it is not a media type (no `/`, a bad token, a broken parameter). */
export function parseMediaType(value: string): MediaType | undefined {
  const [head = '', ...rest] = value.split(';');
  const found = ESSENCE.exec(head.trim());
  if (!found) return undefined;
  const type = (found[1] ?? '').toLowerCase();
  const subtype = (found[2] ?? '').toLowerCase();
  const parameters = new Map<string, string>();
  // A quoted value may hold `;`: the pieces are put back together until the quote closes.
  for (let i = 0; i < rest.length; i++) {
    let piece = (rest[i] ?? '').trim();
    while (/="(?:[^"\\]|\\.)*$/.test(piece) && i + 1 < rest.length) piece += `;${rest[++i] ?? ''}`;
    if (piece === '') continue;
    const parameter = PARAMETER.exec(piece);
    if (!parameter) return undefined;
    const name = (parameter[1] ?? '').toLowerCase();
    if (!parameters.has(name)) parameters.set(name, parameter[2] ?? (parameter[3] ?? '').replace(/\\(.)/g, '$1'));
  }
  const plus = subtype.lastIndexOf('+');
  return { type, subtype, essence: `${type}/${subtype}`, ...(plus > 0 ? { suffix: subtype.slice(plus + 1) } : {}), parameters };
}

/**
 * The essence to compare two Content-Types by (parameters such as charset ignored): the text before the first `;`,
 * trimmed and in lower case, also for a value that is not a valid media type (so it compares unequal to a valid one).
 */
export const mediaEssence = (contentType: string): string => (contentType.split(';')[0] ?? '').trim().toLowerCase();

/** Answers already worked out: a run meets few distinct Content-Types, and this is asked once per response. */
const jsonAnswers = new Map<string, boolean>();
const MAX_REMEMBERED = 256;

/** Whether a Content-Type names one JSON text: `application/json` or a `+json` type, with any parameters. */
export function isJsonMediaType(contentType: string): boolean {
  const known = jsonAnswers.get(contentType);
  if (known !== undefined) return known;
  const media = parseMediaType(contentType);
  const json = media !== undefined && (media.essence === 'application/json' || media.suffix === 'json');
  if (jsonAnswers.size >= MAX_REMEMBERED) jsonAnswers.clear();
  jsonAnswers.set(contentType, json);
  return json;
}
