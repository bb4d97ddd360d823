import { buildPath, encodeSegment } from '../../contract/path.js';
import type { HeaderCase, Intent, RawBody, RequestCase } from '../types.js';
import type { Model } from './model.js';

/** The pieces of a request before serialisation. */
export interface RequestParts {
  /** Decoded path parameter values, by name. */
  readonly params: Readonly<Record<string, string>>;
  readonly encoding?: 'pchar' | 'unreserved';
  readonly headers: HeaderCase;
  readonly body: RawBody;
  readonly expect?: Intent;
  /** Path segments to send as given, not encoded (for malformed percent-encoding); their `params` are these too. */
  readonly rawSegments?: Readonly<Record<string, string>>;
}

/** The bytes of a body as sent, or undefined for no body. */
export function serialiseBody(body: RawBody): string | undefined {
  switch (body.kind) {
    case 'json': return body.indent ? JSON.stringify(body.value, null, body.indent) : JSON.stringify(body.value);
    case 'text': return body.text;
    default: return undefined;
  }
}

/** Serialises parts into a request: each path segment percent-encoded as asked, the body to text. */
export function assemble(model: Model, parts: RequestParts): RequestCase {
  const encoding = parts.encoding ?? 'unreserved';
  const raw = parts.rawSegments;
  const path = raw
    ? model.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => raw[name] ?? encodeSegment(parts.params[name] ?? '', encoding))
    : buildPath(model.pathTemplate, parts.params, encoding);
  return {
    method: model.method,
    path,
    params: raw ? { ...parts.params, ...raw } : parts.params,
    encoding,
    headers: parts.headers.headers,
    key: parts.headers.key,
    rawBody: serialiseBody(parts.body),
    expect: parts.expect ?? { intent: 'valid' },
  };
}
