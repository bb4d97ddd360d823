/** A pact interaction (spec 2, 3 or 4) as the exchanges the validators take, with where each part sits in the file. */
import type { RequestExchange, ResponseExchange } from '../../validators/index.js';
import { isJsonObject } from '../../contract/json.js';
import { findHeader, headerValue } from '../../http/headers.js';
import { isJsonMediaType } from '../../http/media-type.js';

type Node = Record<string, unknown>;
/** A body without a Content-Type is read as Pact reads it, as JSON. */
const isJsonType = (contentType: string | undefined): boolean => contentType === undefined || isJsonMediaType(contentType);

/** One side of an HTTP interaction, read out of the pact. */
export interface PactSide {
  /** Headers as the pact writes them (spec 4: lists of values). */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** The parsed body (`body`) or its text (`rawBody`), as the validators take them. */
  readonly body: { readonly body?: unknown; readonly rawBody?: string };
  /** JSON pointer of the body's content in the pact file. */
  readonly bodyLocation: string;
  /** The pact's own node for this side (its matchingRules live there). */
  readonly node: Node;
}

/** An HTTP interaction read out of a pact file. */
export interface PactHttp {
  readonly request: PactSide & { readonly exchange: RequestExchange; readonly query: unknown };
  readonly response: PactSide & { readonly exchange: ResponseExchange };
}

/** Reads a side's headers and body; a spec-4 body's declared content type fills in a missing Content-Type header. */
function side(node: Node, location: string): PactSide {
  const headers: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(isJsonObject(node['headers']) ? node['headers'] : {})) {
    if (typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))) headers[name] = value as string | string[];
  }
  const raw = node['body'];
  if (raw === undefined) return { headers, body: {}, bodyLocation: `${location}/body`, node };
  const v4 = isJsonObject(raw) && 'content' in raw && ('contentType' in raw || 'encoded' in raw);
  const declared = v4 && typeof raw['contentType'] === 'string' ? raw['contentType'] : undefined;
  if (declared !== undefined && headerValue(headers, 'content-type') === undefined) headers['Content-Type'] = declared;
  const content = v4 ? raw['content'] : raw;
  const encoded = v4 ? raw['encoded'] : false;
  const bodyLocation = v4 ? `${location}/body/content` : `${location}/body`;
  if (typeof content === 'string' && typeof encoded === 'string' && encoded.toLowerCase() === 'base64') {
    return { headers, body: { rawBody: Buffer.from(content, 'base64').toString('utf8') }, bodyLocation, node };
  }
  const textual = typeof content === 'string' && (encoded === true || !isJsonType(headerValue(headers, 'content-type')));
  return { headers, body: textual ? { rawBody: content as string } : { body: content }, bodyLocation, node };
}

/** The interaction's request and response, or why it is not an HTTP interaction this check can read. */
export function httpOf(interaction: Node, location: string): PactHttp | { readonly skip: string } {
  const type = interaction['type'];
  if (type !== undefined && type !== 'Synchronous/HTTP') return { skip: `a ${String(type)} interaction, not HTTP` };
  const request = interaction['request'];
  const response = interaction['response'];
  if (!isJsonObject(request) || !isJsonObject(response)) return { skip: 'no request or no response' };
  const method = typeof request['method'] === 'string' ? request['method'] : '';
  const path = typeof request['path'] === 'string' ? request['path'] : '';
  const status = response['status'];
  if (typeof status !== 'number' || !Number.isInteger(status)) return { skip: `the response status ${JSON.stringify(status) ?? 'is missing'}${status === undefined ? '' : ' is not an integer'}` };
  const req = side(request, `${location}/request`);
  const res = side(response, `${location}/response`);
  return {
    request: { ...req, query: request['query'], exchange: { method, path, headers: req.headers, ...req.body } },
    response: { ...res, exchange: { status, headers: res.headers, ...res.body } },
  };
}

/** The header's name as the pact spells it (for pointers), or the given name when absent. */
export const headerNameIn = (headers: Readonly<Record<string, string | readonly string[]>>, lower: string): string => findHeader(headers, lower)?.name ?? lower;
