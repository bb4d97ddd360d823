/**
 * An exchange given as JSON — what `validate` reads from a file or stdin, what a library user hands over — checked for
 * shape before it is validated against the contract: every problem a person could type is one ConfigurationError
 * naming the field, never a stack trace from deeper down.
 */
import { ConfigurationError } from '../errors.js';
import type { HeaderValues, RequestExchange, ResponseExchange } from './exchange.js';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

/** `headers`: an object whose values are strings, or arrays of strings (a repeated header). */
function headersOf(value: unknown): HeaderValues | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new ConfigurationError(`"headers" must be an object of header names to strings, not ${typeName(value)}`);
  for (const [name, header] of Object.entries(value)) {
    const ok = typeof header === 'string' || (Array.isArray(header) && header.every((item) => typeof item === 'string'));
    if (!ok) throw new ConfigurationError(`header ${JSON.stringify(name)} must be a string (or an array of strings), not ${typeName(header)}`);
  }
  return value as HeaderValues;
}

/** The body as given: parsed JSON in `body`, or the exact bytes in `rawBody` (a string). */
function bodyOf(value: Record<string, unknown>): { body?: unknown; rawBody?: string } {
  const raw = value['rawBody'];
  if (raw !== undefined && typeof raw !== 'string') throw new ConfigurationError(`"rawBody" must be a string (the body's exact text), not ${typeName(raw)}`);
  return { ...('body' in value ? { body: value['body'] } : {}), ...(raw === undefined ? {} : { rawBody: raw }) };
}

function objectOf(value: unknown, kind: string): Record<string, unknown> {
  if (!isRecord(value)) throw new ConfigurationError(`the ${kind} to validate must be a JSON object, not ${typeName(value)}`);
  return value;
}

/** A request exchange: `method` and `path` strings, optional `headers`, `body` or `rawBody`. */
export function requestExchangeOf(value: unknown): RequestExchange {
  const request = objectOf(value, 'request');
  const { method, path } = request;
  if (typeof method !== 'string' || method === '') throw new ConfigurationError(`the request needs "method" (a string such as "PATCH"), not ${typeName(method)}`);
  if (typeof path !== 'string' || !path.startsWith('/')) throw new ConfigurationError(`the request needs "path" (a string starting with "/"), not ${typeof path === 'string' ? JSON.stringify(path.slice(0, 60)) : typeName(path)}`);
  const headers = headersOf(request['headers']);
  return { method, path, ...(headers ? { headers } : {}), ...bodyOf(request) };
}

/** A response exchange: an integer `status` from 100 to 599, optional `headers`, `body` or `rawBody`. */
export function responseExchangeOf(value: unknown): ResponseExchange {
  const response = objectOf(value, 'response');
  const { status } = response;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    throw new ConfigurationError(`the response needs "status" (an integer from 100 to 599), not ${typeof status === 'number' ? String(status) : typeName(status)}`);
  }
  const headers = headersOf(response['headers']);
  return { status, ...(headers ? { headers } : {}), ...bodyOf(response) };
}
