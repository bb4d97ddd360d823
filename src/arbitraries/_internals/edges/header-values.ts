/**
 * Deterministic header edges: the API key under several spellings of its name (header names are case-insensitive),
 * missing, empty and wrong; each optional header parameter absent, empty and garbage (kept when its schema allows).
 */
import fc from 'fast-check';
import type { HeaderCase, Intent } from '../../types.js';
import { compiled } from '../guard.js';
import type { Model, Site } from '../model.js';
import { CONTENT_TYPE } from '../parts.js';
import { stringArbitrary } from '../scalars.js';
import { API_KEY_PLACEHOLDER } from '../../../secrets.js';

/** Headers to send, the name to send the API key under (when not the contract's spelling), the edge class, the intent. */
export interface EdgeHeaders {
  readonly headers: HeaderCase;
  readonly keyHeader?: string;
  readonly edgeClass: string;
  readonly expect: Intent;
}

// Visible ASCII with inner spaces and percent signs: survives HTTP as sent (no surrounding whitespace, no controls).
const GARBAGE = 'garbage %% ~!@#$ <x> "y" \\z';
// Not a key any provider would issue; a runner still replaces it should it equal the real one.
const WRONG_KEY = 'stigg-contract-wrong-key';
/**
 * The real key with one character more: the runner puts the key in for the placeholder at send time. A provider that
 * checks only that the sent key starts with (or contains) the real one takes it.
 */
const KEY_PLUS_ONE = `${API_KEY_PLACEHOLDER}0`;

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
    expect: { intent: 'valid' },
  }));
  if (key.required) out.push({ headers: { headers, key: 'missing' }, edgeClass: `${label}:missing`, expect: { intent: 'invalid', breaks: { part: key.part, pointer: key.pointer, keyword: 'required' } } });
  out.push({ headers: { headers, key: { wrong: '' } }, edgeClass: `${label}:empty`, expect: auth });
  out.push({ headers: { headers, key: { wrong: WRONG_KEY } }, edgeClass: `${label}:wrong`, expect: auth });
  out.push({ headers: { headers, key: { wrong: KEY_PLUS_ONE } }, edgeClass: `${label}:key-plus-one`, expect: auth });
  return out;
}

/** The header edges of the operation, key first. */
export function headerEdges(model: Model): EdgeHeaders[] {
  const headers = baseHeaders(model);
  const out = model.key ? keyEdges(model, model.key, headers) : [];
  for (const site of model.headerParams.filter((s) => !s.required)) {
    const accepts = compiled(site.schema);
    const label = `${site.part}${site.pointer}`;
    const { [site.name]: _absent, ...without } = headers;
    out.push({ headers: { headers: without, key: 'valid' }, edgeClass: `${label}:absent`, expect: { intent: 'valid' } });
    for (const [name, value] of [['empty', ''], ['garbage', GARBAGE]] as const) {
      if (accepts(value)) out.push({ headers: { headers: { ...headers, [site.name]: value }, key: 'valid' }, edgeClass: `${label}:${name}`, expect: { intent: 'valid' } });
    }
  }
  return out;
}
