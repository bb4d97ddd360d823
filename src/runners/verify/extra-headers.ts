/**
 * `--header 'Name: value'`: headers a gateway in front of the provider needs (a tenant, its own auth), sent with every
 * request, state change and pact interaction, and never part of a case: the checks judge what the contract documents,
 * so a header it documents (the key, the optional headers the harness varies) or one that frames the message cannot be
 * set this way. Their values are secrets: shown as "[REDACTED]", scrubbed from every output like the key.
 */
import { ConfigurationError } from '../../errors.js';
import type { OperationContract } from '../../validators/index.js';
import { apiKeyHeaderOf } from '../../contract/operation.js';

/** A header name as HTTP allows it (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What the transport writes itself: a second copy would frame the message differently. */
const FRAMING = ['host', 'content-length', 'transfer-encoding', 'connection', 'content-type', 'expect', 'upgrade', 'te', 'trailer', 'keep-alive'];

/** Extra headers as the library takes them (a record, or `Name: value` lines as the CLI flag gives them). */
export type ExtraHeaders = Readonly<Record<string, string>> | readonly string[];

function entryOf(line: string): [string, string] {
  const colon = line.indexOf(':');
  if (colon <= 0) throw new ConfigurationError(`a header (--header, headers) is "Name: value", got ${JSON.stringify(line.slice(0, 40))}`);
  return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
}

/** The extra headers as one record, each checked: a token name, given once, a value without line breaks, not framing. */
export function resolveExtraHeaders(headers: ExtraHeaders | undefined): Readonly<Record<string, string>> {
  const entries = headers === undefined ? [] : Array.isArray(headers) ? (headers as readonly string[]).map(entryOf) : Object.entries(headers as Record<string, string>);
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    if (!TOKEN.test(name)) throw new ConfigurationError(`header name ${JSON.stringify(name.slice(0, 40))} (--header, headers) is not an HTTP token`);
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) throw new ConfigurationError(`the value of header ${name} (--header, headers) must be text on one line`);
    if (FRAMING.includes(name.toLowerCase())) throw new ConfigurationError(`header ${name} (--header, headers) is written by the transport itself: it cannot be set`);
    if (seen.has(name.toLowerCase())) throw new ConfigurationError(`header ${name} (--header, headers) is given twice`);
    seen.add(name.toLowerCase());
  }
  return Object.fromEntries(entries);
}

/** Refuses extra headers the contract documents: the harness sends, varies and judges those itself. */
export function refuseDocumentedHeaders(contract: OperationContract, headers: Readonly<Record<string, string>>): void {
  const key = apiKeyHeaderOf(contract.operation);
  const documented = new Map(contract.operation.headerParams.map((param) => [param.name.toLowerCase(), param.name]));
  for (const name of Object.keys(headers)) {
    if (key !== undefined && name.toLowerCase() === key.toLowerCase()) throw new ConfigurationError(`header ${name} (--header, headers) is the API key's: give the key with --api-key (apiKey) or STIGG_API_KEY`);
    const param = documented.get(name.toLowerCase());
    if (param !== undefined) throw new ConfigurationError(`header ${name} (--header, headers) is documented by the contract (${param}): the harness sends it, varies it and judges the answers; --header is for headers the contract does not document`);
  }
}

