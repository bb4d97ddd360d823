/**
 * The `Prefer` header (RFC 7240) as the mock reads it, after Prism's convention: `Prefer: code=404` asks for that
 * documented status (`status=404` is accepted too), and `example=IntegrationNotFound` pins the error body's `code`.
 * Other preferences (`return=minimal`, ...) are ignored, as RFC 7240 §2 asks of preferences a server does not know.
 */
import type { ContractFacts } from '../../checks/index.js';

/** What a client asked for: a documented status, and optionally one member of that status' `code` enum. */
export interface Preference {
  readonly status: number;
  readonly code?: string;
}

/** The preference, none (no header, or nothing the mock knows), or why the header cannot be honoured. */
export type PreferResult = { readonly preference?: Preference } | { readonly error: string };

// One preference: a token, optionally `=value` (token or quoted string), optionally `;params`, then `,` or the end.
const PREFERENCE = /\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^,;\s]*))?\s*(?:;[^,]*)?(?:,|$)/y;

/** The name=value pairs of a Prefer header, names lower-cased, quotes removed; undefined when it does not parse. */
export function preferences(header: string): Map<string, string> | undefined {
  const found = new Map<string, string>();
  PREFERENCE.lastIndex = 0;
  while (PREFERENCE.lastIndex < header.length) {
    const start = PREFERENCE.lastIndex;
    const match = PREFERENCE.exec(header);
    if (!match || PREFERENCE.lastIndex === start) return header.slice(start).trim() === '' ? found : undefined;
    const [, name = '', raw = ''] = match;
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    if (!found.has(name.toLowerCase())) found.set(name.toLowerCase(), value);
  }
  return found;
}

const list = (values: readonly unknown[], max = 40): string =>
  values.slice(0, max).map(String).join(', ') + (values.length > max ? `, … (${values.length - max} more)` : '');

/** Reads the header against the contract: the status must be documented and the code a member of its enum. */
export function resolvePreference(header: string | undefined, facts: ContractFacts): PreferResult {
  if (header === undefined || header.trim() === '') return {};
  const found = preferences(header);
  if (!found) return { error: `the Prefer header ${JSON.stringify(header)} does not parse; send e.g. "Prefer: code=404"` };
  const code = found.get('code');
  const status = found.get('status');
  const example = found.get('example');
  if (code !== undefined && status !== undefined && code !== status) return { error: `Prefer asks for two statuses (code=${code}, status=${status}); send one` };
  const asked = code ?? status;
  if (asked === undefined) return example === undefined ? {} : { error: `Prefer: example=${example} needs the status too, e.g. "Prefer: code=404, example=${example}"` };
  const documented = facts.statuses;
  if (!/^\d{3}$/.test(asked) || !documented.includes(Number(asked))) {
    return { error: `Prefer: code=${asked} is not a documented status of this operation; documented: ${documented.join(', ')}` };
  }
  const wanted = Number(asked);
  if (example === undefined) return { preference: { status: wanted } };
  const codes = (facts.errorCodes(wanted, 'strict') ?? []).filter((value): value is string => typeof value === 'string');
  if (!codes.includes(example)) {
    const known = codes.length > 0 ? `documented codes for ${wanted}: ${list(codes)}` : `status ${wanted} documents no error codes`;
    return { error: `Prefer: example=${example} is not a documented code of status ${wanted}; ${known}` };
  }
  return { preference: { status: wanted, code: example } };
}
