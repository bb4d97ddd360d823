/**
 * Deterministic header edges: the API key under several spellings of its name (header names are case-insensitive),
 * missing, empty, wrong and near the real one (see NEAR_MISS_KEYS); the body's media type in other spellings; each
 * optional header parameter absent, empty and garbage (kept when its schema allows).
 */
import fc from 'fast-check';
import type { HeaderCase, Intent } from '../../types.js';
import { compiled } from '../guard.js';
import type { Model, Site } from '../model.js';
import { CONTENT_TYPE } from '../parts.js';
import { stringArbitrary } from '../scalars.js';
import { NEAR_MISS_KEYS } from '../../key-expressions.js';

/** Headers to send, the name to send the API key under (when not the contract's spelling), the edge class and kind, the intent. */
export interface EdgeHeaders {
  readonly headers: HeaderCase;
  readonly keyHeader?: string;
  readonly edgeClass: string;
  /** The catalogue kind (`auth/near-miss-keys`): see kinds.ts. */
  readonly kind: string;
  readonly expect: Intent;
}

// Visible ASCII with inner spaces and percent signs: survives HTTP as sent (no surrounding whitespace, no controls).
const GARBAGE = 'garbage %% ~!@#$ <x> "y" \\z';
// Not a key any provider would issue; a runner still replaces it should it equal the real one.
const WRONG_KEY = 'stigg-contract-wrong-key';

/** The spellings of a header name worth sending: lower case, each word capitalised, upper case, as documented. */
export function spellings(name: string): string[] {
  const title = name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
  return [...new Set([name.toLowerCase(), title, name.toUpperCase(), name])];
}

/** The headers every edge starts from: the documented content type, and a fixed valid value for each required header. */
export function baseHeaders(model: Model): Record<string, string> {
  const headers: Record<string, string> = model.body ? { [CONTENT_TYPE]: model.body.contentType } : {};
  for (const site of model.headerParams.filter((s) => s.required)) {
    const [value] = fc.sample(stringArbitrary(site.schema, 'header'), { seed: 0, numRuns: 1 });
    headers[site.name] = value ?? '';
  }
  return headers;
}

function keyEdges(model: Model, key: Site, headers: Record<string, string>): EdgeHeaders[] {
  const label = `${key.part}${key.pointer}`;
  const auth: Intent = { intent: 'invalid', breaks: { part: key.part, pointer: key.pointer, keyword: 'auth' } };
  const out: EdgeHeaders[] = spellings(key.name).map((spelling) => ({
    headers: { headers, key: 'valid' },
    ...(spelling === key.name ? {} : { keyHeader: spelling }),
    edgeClass: `${label}:name:${spelling}`,
    kind: 'router/header-name-case',
    expect: { intent: 'valid' },
  }));
  if (key.required) out.push({ headers: { headers, key: 'missing' }, edgeClass: `${label}:missing`, kind: 'auth/missing-key', expect: { intent: 'invalid', breaks: { part: key.part, pointer: key.pointer, keyword: 'required' } } });
  out.push({ headers: { headers, key: { wrong: '' } }, edgeClass: `${label}:empty`, kind: 'auth/missing-key', expect: auth });
  out.push({ headers: { headers, key: { wrong: WRONG_KEY } }, edgeClass: `${label}:wrong`, kind: 'auth/near-miss-keys', expect: auth });
  for (const { name, expression } of NEAR_MISS_KEYS) out.push({ headers: { headers, key: { wrong: expression } }, edgeClass: `${label}:near-miss:${name}`, kind: 'auth/near-miss-keys', expect: auth });
  return out;
}

/**
 * The documented request media type spelled as RFC 9110 §8.3.1 allows: with a charset parameter (quoted, too) and in
 * upper case. One media type each time: a parser that refuses them refuses valid requests.
 */
function mediaTypeEdges(model: Model, headers: Record<string, string>): EdgeHeaders[] {
  if (!model.body) return [];
  const type = model.body.contentType;
  const spellings: ReadonlyArray<readonly [string, string]> = [['charset', `${type}; charset=utf-8`], ['quoted-charset', `${type};charset="UTF-8"`], ['upper-case', type.toUpperCase()]];
  return spellings.map(([name, value]) => ({ headers: { headers: { ...headers, [CONTENT_TYPE]: value }, key: 'valid' as const }, edgeClass: `headers/content-type:${name}`, kind: 'parser/media-type-spelling', expect: { intent: 'valid' as const } }));
}

/** The header edges of the operation, key first. */
export function headerEdges(model: Model): EdgeHeaders[] {
  const headers = baseHeaders(model);
  const out = [...(model.key ? keyEdges(model, model.key, headers) : []), ...mediaTypeEdges(model, headers)];
  for (const site of model.headerParams.filter((s) => !s.required)) {
    const accepts = compiled(site.schema);
    const label = `${site.part}${site.pointer}`;
    const { [site.name]: _absent, ...without } = headers;
    out.push({ headers: { headers: without, key: 'valid' }, edgeClass: `${label}:absent`, kind: 'parser/optional-headers', expect: { intent: 'valid' } });
    for (const [name, value] of [['empty', ''], ['garbage', GARBAGE]] as const) {
      if (accepts(value)) out.push({ headers: { headers: { ...headers, [site.name]: value }, key: 'valid' }, edgeClass: `${label}:${name}`, kind: 'parser/optional-headers', expect: { intent: 'valid' } });
    }
  }
  return out;
}
