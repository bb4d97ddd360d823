/** Facts about the operation that checks need, read from the contract model once, so no check hard-codes them. */
import type { JsonSchema, OasSchema, OperationModel, Reading } from '../contract/types.js';
import { headerKey } from '../http/headers.js';
import type { OperationContract } from '../validators/index.js';
import type { CheckContext } from './check.js';
import { isJsonObject } from '../contract/json.js';
import { templateParams } from '../contract/path.js';

/** What the contract says, in the shape checks ask for it. */
export interface ContractFacts {
  /** Documented statuses, ascending. */
  readonly statuses: readonly number[];
  /** The lowest documented 2xx status (200 here). */
  readonly successStatus: number | undefined;
  /** The success body's schema (intent reading): what of a success answer the contract documents. */
  readonly successSchema: JsonSchema | undefined;
  /** The documented media type of a status' body, or undefined (undocumented status, or no body). */
  mediaType(status: number): string | undefined;
  /** The members of the `code` enum of a status' error body, in a reading (intent adds null when nullable). */
  errorCodes(status: number, reading?: Reading): readonly unknown[] | undefined;
  /** The request body's single required property (`syncedEntityId`): the field an update sets. */
  readonly updateField: string | undefined;
  /** The last path parameter (`integrationId`): the resource the operation addresses. */
  readonly resourceParam: string | undefined;
  /** The success body's single required property (`data`) wrapping the record, or undefined if unwrapped. */
  readonly envelope: string | undefined;
  /** API-key header names, lower-cased. */
  readonly apiKeyHeaders: readonly string[];
  /** Optional header parameters (`X-ACCOUNT-ID`, `X-ENVIRONMENT-ID`), lower-cased. */
  readonly optionalHeaders: readonly string[];
  /** The request body's documented media type, or undefined when the operation takes no body. */
  readonly requestMediaType: string | undefined;
}


/** The single name in a schema's `required`, when there is exactly one and it is a declared property. */
function singleRequired(schema: OasSchema | undefined): string | undefined {
  const required = schema?.['required'];
  const properties = schema?.['properties'];
  if (!Array.isArray(required) || required.length !== 1 || !isJsonObject(properties)) return undefined;
  const [name] = required as unknown[];
  return typeof name === 'string' && name in properties ? name : undefined;
}

function codeEnum(schema: JsonSchema | undefined): readonly unknown[] | undefined {
  const properties = schema?.['properties'];
  const code = isJsonObject(properties) ? properties['code'] : undefined;
  return isJsonObject(code) && Array.isArray(code['enum']) ? (code['enum'] as unknown[]) : undefined;
}

function lastPathParam(operation: OperationModel): string | undefined {
  return templateParams(operation.pathTemplate).at(-1);
}

/** Derives the facts from an operation contract. */
export function contractFacts(contract: OperationContract): ContractFacts {
  const { operation, parts } = contract;
  const statuses = operation.responses.map((response) => response.status);
  const success = statuses.find((status) => status >= 200 && status < 300);
  const successBody = operation.responses.find((response) => response.status === success)?.body?.schema;
  return {
    statuses,
    successStatus: success,
    successSchema: success === undefined ? undefined : parts.schemas.intent.responses.get(success),
    mediaType: (status) => operation.responses.find((response) => response.status === status)?.body?.contentType,
    errorCodes: (status, reading = 'intent') => codeEnum(parts.schemas[reading].responses.get(status)),
    updateField: singleRequired(operation.requestBody?.schema),
    resourceParam: lastPathParam(operation),
    envelope: singleRequired(successBody),
    apiKeyHeaders: operation.security.map((scheme) => headerKey(scheme.headerName)),
    optionalHeaders: operation.headerParams.filter((param) => !param.required).map((param) => headerKey(param.name)),
    requestMediaType: operation.requestBody?.contentType,
  };
}

/** Builds the context every check receives; do it once per run. */
export function createCheckContext(contract: OperationContract): CheckContext {
  return { contract, facts: contractFacts(contract) };
}
