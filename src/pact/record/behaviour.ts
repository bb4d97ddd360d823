/**
 * Which documented behaviour an exchange a client made shows, as a catalogue entry (state, request, response) ready
 * to become a pact interaction. Exchanges showing the same behaviour are one interaction. A success is keyed by the
 * shape the client was served (e.g. its syncData branch), by an unlink (the update field sent null), by the optional
 * headers sent and by whether the ids needed percent-encoding; an error by its status and code. A response no
 * provider state can bring about (a 401 to a request with a key, a 400 to a valid request) cannot be recorded.
 */
import type { SyncData, UpdateIntegrationBody } from '../../client/index.js';
import { NOT_FOUND_CODES, NOT_FOUND_STATUS, FORBIDDEN_STATUS, RATE_LIMITED_STATUS } from '../../checks/documented.js';
import type { JsonSchema } from '../../contract/types.js';
import type { OperationContract } from '../../validators/index.js';
import type { CatalogueEntry, JsonValue } from '../catalogue.js';
import { STATE, type ProviderState } from '../state-names.js';
import { isJsonObject } from '../../contract/json.js';
import { headerKey } from '../../http/headers.js';

/** One valid exchange of a client, as the mock logged it (the key header redacted, never needed here). */
export interface RecordedExchange {
  readonly method: string;
  /** As the client sent it (its own percent-encoding), without the query. */
  readonly path: string;
  /** The decoded path parameters, by the contract's names. */
  readonly params: { readonly id: string; readonly integrationId: string };
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly status: number;
  readonly responseBody: unknown;
  /** For a success: the shape served, in words (`/data/syncData SyncRevisionBillingData`), part of the behaviour. */
  readonly shape?: string;
  /** Whether a path parameter needed percent-encoding. */
  readonly encoded: boolean;
}

/** The state a provider starts a success from: the record as the response shows it, with an earlier synced entity. */
const PREVIOUS_SYNCED_ENTITY = 'cus_previous';


/** The value with only the properties its schema declares, along properties (a provider returns no more than set up). */
export function documentedOnly(schema: JsonSchema | undefined, value: unknown): unknown {
  const properties = isJsonObject(schema?.['properties']) ? (schema?.['properties'] as Record<string, JsonSchema>) : undefined;
  if (!properties || !isJsonObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key in properties).map(([key, item]) => [key, documentedOnly(properties[key], item)]));
}

/** The documented optional headers the client sent, by the contract's names. */
function optionalHeaders(contract: OperationContract, headers: Readonly<Record<string, string>>): Record<string, string> {
  const sent = contract.operation.headerParams.filter((param) => !param.required && headers[headerKey(param.name)] !== undefined);
  return Object.fromEntries(sent.map((param) => [param.name, headers[headerKey(param.name)] as string]));
}

/** The error behaviours a state can bring about: the state, the description, and the pointers kept exact. */
function errorBehaviour(exchange: RecordedExchange, code: unknown): { state: ProviderState; description: string; exact: string[] } | string {
  const { id: customerId, integrationId } = exchange.params;
  if (exchange.status === NOT_FOUND_STATUS && code === NOT_FOUND_CODES.customer) return { state: { name: STATE.noCustomer, params: { customerId } }, description: 'an update for a customer that does not exist', exact: ['/code'] };
  if (exchange.status === NOT_FOUND_STATUS && code === NOT_FOUND_CODES.integration) {
    return { state: { name: STATE.withoutIntegration, params: { customerId, integrationId } }, description: 'an update of an integration the customer does not have', exact: ['/code'] };
  }
  if (exchange.status === FORBIDDEN_STATUS) return { state: { name: STATE.forbidden, params: { customerId } }, description: 'an update of a customer the API key may not access', exact: [] };
  if (exchange.status === RATE_LIMITED_STATUS) return { state: { name: STATE.rateLimited, params: {} }, description: 'an update while the API key is rate limited', exact: ['/code'] };
  return `no provider state makes a provider answer ${exchange.status}${typeof code === 'string' ? ` ${code}` : ''} to a valid request with a key`;
}

/** The behaviour's key and its catalogue entry, or why the exchange cannot be recorded. */
export function behaviourOf(exchange: RecordedExchange, contract: OperationContract): { key: string; entry: CatalogueEntry } | { skip: string } {
  const headers = optionalHeaders(contract, exchange.headers);
  const body = exchange.body as UpdateIntegrationBody;
  const request = { method: 'PATCH' as const, params: exchange.params, path: exchange.path, key: 'valid' as const, headers, body, valid: true };
  const sent = [...Object.keys(headers).map((name) => `sent with ${name}`), ...(exchange.encoded ? ['for ids that need percent-encoding'] : [])];
  const suffix = sent.length > 0 ? `, ${sent.join(', ')}` : '';
  const schema = contract.parts.schemas.intent.responses.get(exchange.status);
  const responseBody = documentedOnly(schema, exchange.responseBody) as JsonValue;
  if (exchange.status >= 200 && exchange.status < 300) {
    const data = isJsonObject(responseBody) && isJsonObject(responseBody['data']) ? responseBody['data'] : {};
    const unlink = body.syncedEntityId === null;
    const description = `an update${unlink ? ' that unlinks the synced entity (syncedEntityId null)' : ''} of an integration served as ${exchange.shape ?? 'documented'}${suffix}`;
    const state: ProviderState = {
      name: STATE.withIntegration,
      params: { customerId: exchange.params.id, integrationId: exchange.params.integrationId, vendorIdentifier: String(data['vendorIdentifier']), syncedEntityId: PREVIOUS_SYNCED_ENTITY, syncData: (isJsonObject(data['syncData']) ? data['syncData'] : null) as SyncData | null },
    };
    return { key: description, entry: { id: description, description, state, request, response: { status: exchange.status, body: responseBody, exact: [] } } };
  }
  const error = errorBehaviour(exchange, isJsonObject(responseBody) ? responseBody['code'] : undefined);
  if (typeof error === 'string') return { skip: error };
  const message = { ...(isJsonObject(responseBody) ? responseBody : {}), message: error.description };
  return { key: error.description, entry: { id: error.description, description: error.description, state: error.state, request, response: { status: exchange.status, body: message as JsonValue, exact: error.exact } } };
}
