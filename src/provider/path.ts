/** Routing and percent-decoding of the request target, done by hand on the raw bytes the client sent. */

export const OPERATION_PATH_TEMPLATE = '/api/v1/customers/{id}/integrations/{integrationId}';

/** Where the Pact state-change protocol is served, on the same server as the operation. */
export const STATE_CHANGE_PATH = '/_pact/provider-states';

/** The two path segments, still percent-encoded. Empty segments match, so that they get a 400, not a 404. */
export interface RawOperationPath {
  readonly rawId: string;
  readonly rawIntegrationId: string;
}

const operationPattern = /^\/api\/v1\/customers\/([^/]*)\/integrations\/([^/]*)$/;

/** The path of a request target (origin-form or absolute-form), without query or fragment; not decoded. */
export function pathnameOf(target: string): string {
  const withoutAuthority = target.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/, '');
  const end = withoutAuthority.search(/[?#]/);
  return end === -1 ? withoutAuthority : withoutAuthority.slice(0, end);
}

/** The operation's raw segments when `pathname` is the operation's path. */
export function matchOperationPath(pathname: string): RawOperationPath | undefined {
  const match = operationPattern.exec(pathname);
  if (!match) return undefined;
  return { rawId: match[1] ?? '', rawIntegrationId: match[2] ?? '' };
}

export type Decoded = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

/** Fatal on malformed bytes; `ignoreBOM` keeps a leading U+FEFF in the text instead of silently dropping it. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * RFC 3986 percent-decoding into UTF-8 text. `%` not followed by two hex digits, and escapes whose bytes are not
 * UTF-8 (e.g. `%FF`, or an encoded lone surrogate), are malformed. `+` stays `+`: that rule is for forms only.
 */
export function percentDecode(raw: string): Decoded {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const char = raw.charCodeAt(i);
    if (char !== 0x25) {
      if (char > 0x7f) return { ok: false, reason: `non-ASCII character at offset ${i} must be percent-encoded` };
      bytes.push(char);
      continue;
    }
    const hex = raw.slice(i + 1, i + 3);
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) return { ok: false, reason: `malformed percent-escape "${raw.slice(i, i + 3)}" at offset ${i}` };
    bytes.push(Number.parseInt(hex, 16));
    i += 2;
  }
  try {
    return { ok: true, value: strictUtf8.decode(new Uint8Array(bytes)) };
  } catch {
    return { ok: false, reason: 'percent-escapes do not decode to valid UTF-8' };
  }
}
