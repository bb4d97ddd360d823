/**
 * The edge catalogue, by the layer of a provider's stack that mishandles a value: each kind of edge the systematic
 * phase sends on every run, what it is, and the checks that judge it. Every edge value carries one of these ids, so
 * the report can say which kinds of every layer ran (and which could not, e.g. without a state URL).
 */

/** The layers of a real stack, each with its own ways of getting values wrong. */
export type Layer = 'router' | 'parser' | 'validator' | 'coercion' | 'store' | 'serializer' | 'auth' | 'state';

/** One kind of edge: `<layer>/<name>`, what it sends, and the checks (oracles) that judge the answers. */
export interface EdgeKind {
  readonly id: string;
  readonly layer: Layer;
  readonly what: string;
  readonly oracles: readonly string[];
}

const kind = (layer: Layer, name: string, what: string, oracles: readonly string[]): EdgeKind => ({ id: `${layer}/${name}`, layer, what, oracles });

/** The catalogue, layer by layer, in the order reports list it. */
export const EDGE_KINDS: readonly EdgeKind[] = Object.freeze([
  kind('router', 'percent-decoding', 'ids holding what URL, form and path decoders treat specially (`+`, `%41`, `%2F`, `.`, `..`, delimiters, space, non-ASCII), as existing records, in both percent-encodings', ['valid_input_accepted', 'addressed_resource', 'status_documented', 'not_a_server_error']),
  kind('router', 'header-name-case', 'the API-key header under other spellings of its name (names are case-insensitive)', ['valid_input_accepted']),
  kind('parser', 'malformed-body', 'a body cut short, and no body at all', ['invalid_input_rejected']),
  kind('parser', 'undeclared-members', 'a body member the schema does not declare, where it forbids them', ['invalid_input_rejected']),
  kind('parser', 'runtime-member-names', 'undeclared body members named like members of a runtime\'s base object (`__proto__`, `constructor`...), sent as raw JSON text', ['invalid_input_rejected']),
  kind('parser', 'member-name-case', 'undeclared members spelled like declared ones in another letter case, beside them (decoders that match names case-insensitively take one for the other)', ['invalid_input_rejected']),
  kind('parser', 'media-type-spelling', 'the body\'s media type with a charset parameter (quoted too) and in upper case (RFC 9110 §8.3.1: the same media type)', ['valid_input_accepted']),
  kind('parser', 'largest-body', 'the largest valid body, in 4-byte characters and in characters JSON must escape', ['valid_input_accepted', 'not_a_server_error']),
  kind('parser', 'optional-headers', 'each optional header absent, empty and garbage', ['valid_input_accepted', 'optional_headers_harmless']),
  kind('validator', 'null-empty', 'null and the empty string where the schema allows them', ['valid_input_accepted', 'update_applied']),
  kind('validator', 'length-code-units', 'every length limit at its maximum in 1- to 4-byte characters and one past (counters of UTF-8 bytes or UTF-16 units disagree with code points)', ['valid_input_accepted', 'invalid_input_rejected']),
  kind('validator', 'length-graphemes', 'every length limit at its maximum and one past in combining marks, variation selectors, ZWJ sequences, regional-indicator pairs and skin-tone modifiers (grapheme counters disagree with code points)', ['valid_input_accepted', 'invalid_input_rejected']),
  kind('validator', 'required', 'a required member missing', ['invalid_input_rejected']),
  kind('validator', 'pattern', 'each character decoders treat specially that a pattern forbids', ['invalid_input_rejected']),
  kind('coercion', 'json-types', 'every other JSON type in place of the body and of each member (numbers and booleans where a string is documented)', ['invalid_input_rejected']),
  kind('coercion', 'numeric-strings', 'strings that look like numbers, booleans or null (leading zeros, beyond 2^53, exponents, `true`, `null`...) as body values: they must come back unchanged', ['update_applied', 'valid_input_accepted']),
  kind('coercion', 'numeric-ids', 'ids that look like numbers as existing records, and their numeric neighbours as absent ones', ['addressed_resource', 'valid_input_accepted', 'not_found_codes']),
  kind('coercion', 'record-values', 'set-up record members that look like numbers: they must come back unchanged', ['record_unchanged']),
  kind('store', 'case-neighbours', 'the absent neighbour of an existing id in another letter case', ['not_found_codes']),
  kind('store', 'normalization-neighbours', 'the absent neighbour of an existing id in another Unicode normalisation form (NFC, NFD, NFKC)', ['not_found_codes']),
  kind('store', 'trailing-neighbours', 'the absent neighbour of an existing id with a trailing or leading space or a trailing dot', ['not_found_codes']),
  kind('store', 'wildcard-neighbours', 'absent ids that SQL LIKE, glob or regular-expression lookups would match to an existing one (`_`, `%`, `*`, `?`, `[]`, `.`, `|`)', ['not_found_codes']),
  kind('store', 'prefix-neighbours', 'the absent prefix and extension of an existing id', ['not_found_codes']),
  kind('store', 'side-by-side-twins', 'customers differing only in letter case, a trailing dot or a wildcard character, set up side by side with different records: each must answer with its own', ['record_unchanged', 'valid_input_accepted']),
  kind('store', 'runtime-names', 'ids named like members of a runtime\'s base object or its reserved words (`constructor`, `__proto__`, `toString`, `null`, `None`...), as existing records and as absent ones', ['valid_input_accepted', 'not_found_codes', 'addressed_resource', 'not_a_server_error']),
  kind('store', 'corpus-ids', 'every naughty string an id schema allows, as an absent record', ['not_found_codes', 'not_a_server_error']),
  kind('serializer', 'escaped-text', 'texts serialisers escape or mangle (whitespace at the ends, control characters, quotes and backslashes, separators, markup)', ['update_applied']),
  kind('serializer', 'corpus-values', 'every naughty string the update field allows: it must come back as the same JSON value', ['update_applied', 'not_a_server_error']),
  kind('serializer', 'record-values', 'set-up record members holding markup, separators, control and astral characters: they must come back as the same JSON values', ['record_unchanged']),
  kind('auth', 'missing-key', 'no API key, and an empty one', ['auth_required']),
  kind('auth', 'near-miss-keys', 'keys near the real one: another letter case, a no-break space at an end, a prefix, a suffix, one character changed or added, the key twice in one header, another key', ['auth_required']),
  kind('state', 'teardown', 'after each provider state\'s teardown, what it set up is gone (no more 429, no more 403)', ['state_teardown']),
]);

/** The kind with this id; throws for an id the catalogue does not have (a typo in an edge producer). */
export function edgeKind(id: string): EdgeKind {
  const found = EDGE_KINDS.find((entry) => entry.id === id);
  if (!found) throw new Error(`no edge kind "${id}" in the catalogue`);
  return found;
}
