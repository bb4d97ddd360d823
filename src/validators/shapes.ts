/**
 * The HTTP exchanges users hold, read as the validators' exchanges: the JSON `validate` reads
 * (`{method, path, headers, body|rawBody}` or `{status, headers, body|rawBody}`), a supertest/superagent response
 * (`status`, `headers`, `body`, `text`), an axios response (`status`, `headers`, `data`, `config`).
 */
import type { HeaderValues, RequestExchange, ResponseExchange } from './exchange.js';

/** What a value was recognised as. */
export type RecognisedExchange =
  | { readonly kind: 'request'; readonly exchange: RequestExchange }
  | { readonly kind: 'response'; readonly exchange: ResponseExchange };

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Header maps as libraries hand them over (axios' AxiosHeaders has toJSON; numbers appear): strings or lists. */
export function headersOf(value: unknown): HeaderValues {
  const plain = isRecord(value) && typeof value['toJSON'] === 'function' ? (value['toJSON'] as () => unknown).call(value) : value;
  if (!isRecord(plain)) return {};
  const out: Record<string, string | string[]> = {};
  for (const [name, item] of Object.entries(plain)) {
    if (Array.isArray(item)) out[name] = item.map(String);
    else if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') out[name] = String(item);
  }
  return out;
}

/** The body as sent: raw text when the library kept it (the exact bytes), else the parsed value. */
function bodyOf(value: Loose, axios: boolean): { body?: unknown; rawBody?: string } {
  if (typeof value['rawBody'] === 'string') return { rawBody: value['rawBody'] };
  if (axios) return typeof value['data'] === 'string' ? { rawBody: value['data'] } : value['data'] === undefined ? {} : { body: value['data'] };
  if (typeof value['text'] === 'string') return { rawBody: value['text'] };
  return 'body' in value && value['body'] !== undefined ? { body: value['body'] } : {};
}

/** Recognises a request or a response; undefined for anything else. */
export function recogniseExchange(value: unknown): RecognisedExchange | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value['method'] === 'string' && typeof value['path'] === 'string') {
    return { kind: 'request', exchange: { method: value['method'], path: value['path'], headers: headersOf(value['headers']), ...bodyOf(value, false) } };
  }
  if (typeof value['status'] !== 'number') return undefined;
  const axios = 'data' in value && 'config' in value;
  const headers = value['headers'] ?? value['header'];
  return { kind: 'response', exchange: { status: value['status'], ...(headers !== undefined ? { headers: headersOf(headers) } : {}), ...bodyOf(value, axios) } };
}
