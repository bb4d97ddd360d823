/** A catalogue entry as a pact interaction: the entry's examples with matchers derived from the contract's schemas. */
import { headerKey } from '../http/headers.js';
import type { OperationContract } from '../validators/index.js';
import { MatchersV3 } from '@pact-foundation/pact';
import { FAKE_API_KEY, type CatalogueEntry } from './catalogue.js';
import { deriveMatchers, mediaTypeRegex } from './matchers.js';
import type { ProviderState } from './state-names.js';

/** Everything pact-js needs for one interaction; bodies and header values are templates (examples with matchers). */
export interface InteractionSpec {
  readonly description: string;
  readonly state: ProviderState;
  readonly request: { readonly method: string; readonly path: string; readonly headers: Record<string, unknown>; readonly body: unknown };
  readonly response: { readonly status: number; readonly headers: Record<string, unknown>; readonly body: unknown };
}

type Schema = Record<string, unknown>;
const propertyOf = (schema: Schema | undefined, name: string): Schema | undefined =>
  (schema?.['properties'] as Record<string, Schema> | undefined)?.[name];

function contentType(type: string): unknown {
  return MatchersV3.regex(mediaTypeRegex(type), type);
}

function requestHeaders(entry: CatalogueEntry, contract: OperationContract): Record<string, unknown> {
  const { operation, parts } = contract;
  const schema = parts.schemas.intent.headers;
  const headers: Record<string, unknown> = {};
  const [scheme] = operation.security;
  // The key is matched by type with a fake example: a real key never reaches a pact file.
  if (entry.request.key === 'valid' && scheme) headers[scheme.headerName] = deriveMatchers(propertyOf(schema, headerKey(scheme.headerName)), FAKE_API_KEY);
  for (const [name, value] of Object.entries(entry.request.headers)) headers[name] = deriveMatchers(propertyOf(schema, headerKey(name)), value);
  if (operation.requestBody) headers['Content-Type'] = contentType(operation.requestBody.contentType);
  return headers;
}

/** Builds the interaction of one entry; a negative test's request stays literal (a matcher could make it valid). */
export function interactionSpec(entry: CatalogueEntry, contract: OperationContract): InteractionSpec {
  const { operation, parts } = contract;
  const documented = operation.responses.find((response) => response.status === entry.response.status);
  if (!documented) throw new Error(`catalogue entry ${entry.id}: status ${entry.response.status} is not documented`);
  const responseSchema = parts.schemas.intent.responses.get(entry.response.status);
  return {
    description: entry.description,
    state: entry.state,
    request: {
      method: entry.request.method,
      path: entry.request.path,
      headers: requestHeaders(entry, contract),
      body: entry.request.valid ? deriveMatchers(parts.schemas.intent.body, entry.request.body) : entry.request.body,
    },
    response: {
      status: entry.response.status,
      headers: documented.body ? { 'Content-Type': contentType(documented.body.contentType) } : {},
      body: deriveMatchers(responseSchema, entry.response.body, { exact: entry.response.exact }),
    },
  };
}
