/**
 * The HTTP exchanges users hold, read as the validators' exchanges. Strictly, the JSON `validate` reads
 * (`{method, path, headers, body|rawBody}` or `{status, headers, body|rawBody}`): every shape problem a person could
 * type is one ConfigurationError naming the field. Leniently, what libraries hand over: a supertest/superagent
 * response (`status`, `headers`, `body`, `text`), an axios response (`status`, `headers`, `data`, `config`), an axios
 * error (its `response`), and a fetch `Response` once its body is read (a clone's, asynchronously).
 */
import { ConfigurationError } from '../errors.js';
import type { HeaderValues } from '../http/headers.js';
import type { RequestExchange, ResponseExchange } from './validate-exchange.js';
import { isJsonObject } from '../contract/json.js';

/** What a value was recognised as. */
export type RecognisedExchange =
  | { readonly kind: 'request'; readonly exchange: RequestExchange }
  | { readonly kind: 'response'; readonly exchange: ResponseExchange };

type Loose = Record<string, unknown>;


/** A header map that is no plain object: fetch's `Headers` (or a Map), read through its entries. */
const entriesOf = (value: unknown): unknown => (isJsonObject(value) && typeof value['entries'] === 'function' ? Object.fromEntries((value['entries'] as () => Iterable<[string, unknown]>).call(value)) : value);

/** Header maps as libraries hand them over (axios' AxiosHeaders has toJSON; fetch's Headers entries; numbers appear): strings or lists. */
export function headersOf(value: unknown): HeaderValues {
  const plain = isJsonObject(value) && typeof value['toJSON'] === 'function' ? (value['toJSON'] as () => unknown).call(value) : entriesOf(value);
  if (!isJsonObject(plain)) return {};
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

/** A fetch `Response` (WHATWG): its body is a stream, which only an asynchronous read gets. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: unknown;
  readonly bodyUsed: boolean;
  clone(): { text(): Promise<string> };
}

/** Whether a value is a fetch Response (undici's, or any with the same surface). */
export function isFetchResponse(value: unknown): value is FetchResponseLike {
  if (typeof Response !== 'undefined' && value instanceof Response) return true;
  return isJsonObject(value) && typeof value['status'] === 'number' && typeof value['bodyUsed'] === 'boolean' && typeof value['clone'] === 'function' && typeof value['arrayBuffer'] === 'function';
}

/** A fetch Response read as an exchange: status, headers, and the text of a clone's body (the caller can still read its own). */
export async function readFetchResponse(response: FetchResponseLike): Promise<RecognisedExchange> {
  const text = await response.clone().text();
  return { kind: 'response', exchange: { status: response.status, headers: headersOf(response.headers), ...(text === '' ? {} : { rawBody: text }) } };
}

/** An axios error (`isAxiosError`): the response it carries, or null when the request got none (a network error). */
export function axiosErrorResponse(value: unknown): unknown {
  if (!isJsonObject(value) || value['isAxiosError'] !== true) return undefined;
  return value['response'] ?? null;
}

/** Recognises a request or a response (an axios error's response too); undefined for anything else. */
export function recogniseExchange(value: unknown): RecognisedExchange | undefined {
  const carried = axiosErrorResponse(value);
  if (carried !== undefined) return carried === null ? undefined : recogniseExchange(carried);
  if (!isJsonObject(value)) return undefined;
  if (typeof value['method'] === 'string' && typeof value['path'] === 'string') {
    return { kind: 'request', exchange: { method: value['method'], path: value['path'], headers: headersOf(value['headers']), ...bodyOf(value, false) } };
  }
  if (typeof value['status'] !== 'number') return undefined;
  const axios = 'data' in value && 'config' in value;
  const headers = value['headers'] ?? value['header'];
  return { kind: 'response', exchange: { status: value['status'], ...(headers !== undefined ? { headers: headersOf(headers) } : {}), ...bodyOf(value, axios) } };
}

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

/** `headers` as `validate` reads them: an object whose values are strings, or arrays of strings (a repeated header). */
function strictHeadersOf(value: unknown): HeaderValues | undefined {
  if (value === undefined) return undefined;
  if (!isJsonObject(value)) throw new ConfigurationError(`"headers" must be an object of header names to strings, not ${typeName(value)}`);
  for (const [name, header] of Object.entries(value)) {
    const ok = typeof header === 'string' || (Array.isArray(header) && header.every((item) => typeof item === 'string'));
    if (!ok) throw new ConfigurationError(`header ${JSON.stringify(name)} must be a string (or an array of strings), not ${typeName(header)}`);
  }
  return value as HeaderValues;
}

/** The body as given: parsed JSON in `body`, or the exact bytes in `rawBody` (a string). */
function strictBodyOf(value: Record<string, unknown>): { body?: unknown; rawBody?: string } {
  const raw = value['rawBody'];
  if (raw !== undefined && typeof raw !== 'string') throw new ConfigurationError(`"rawBody" must be a string (the body's exact text), not ${typeName(raw)}`);
  return { ...('body' in value ? { body: value['body'] } : {}), ...(raw === undefined ? {} : { rawBody: raw }) };
}

function objectOf(value: unknown, kind: string): Loose {
  if (!isJsonObject(value)) throw new ConfigurationError(`the ${kind} to validate must be a JSON object, not ${typeName(value)}`);
  return value;
}

/** A request exchange: `method` and `path` strings, optional `headers`, `body` or `rawBody`. */
export function requestExchangeOf(value: unknown): RequestExchange {
  const request = objectOf(value, 'request');
  const { method, path } = request;
  if (typeof method !== 'string' || method === '') throw new ConfigurationError(`the request needs "method" (a string such as "PATCH"), not ${typeName(method)}`);
  if (typeof path !== 'string' || !path.startsWith('/')) throw new ConfigurationError(`the request needs "path" (a string starting with "/"), not ${typeof path === 'string' ? JSON.stringify(path.slice(0, 60)) : typeName(path)}`);
  const headers = strictHeadersOf(request['headers']);
  return { method, path, ...(headers ? { headers } : {}), ...strictBodyOf(request) };
}

/** A response exchange: an integer `status` from 100 to 599, optional `headers`, `body` or `rawBody`. */
export function responseExchangeOf(value: unknown): ResponseExchange {
  const response = objectOf(value, 'response');
  const { status } = response;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    throw new ConfigurationError(`the response needs "status" (an integer from 100 to 599), not ${typeof status === 'number' ? String(status) : typeName(status)}`);
  }
  const headers = strictHeadersOf(response['headers']);
  return { status, ...(headers ? { headers } : {}), ...strictBodyOf(response) };
}
