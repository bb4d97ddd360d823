import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parseDocument } from 'yaml';
import { ContractLoadError } from '../errors.js';
import { dereference } from './dereference.js';
import { operationsOf } from './operation.js';
import type { Contract, OasSchema, OperationModel } from './types.js';

/** The contract this project ships: Stigg API 7.64.2, the operation under test. */
export const DEFAULT_CONTRACT_FILE = fileURLToPath(new URL('../../contracts/stigg-api.openapi.yaml', import.meta.url));

/** Parses YAML (or JSON, a subset of it), reporting the first syntax error with its line. */
function parse(text: string, file: string): OasSchema {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const [first] = document.errors;
  if (first) throw new ContractLoadError(`${file} is not valid YAML: ${first.message}`, file);
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ContractLoadError(`${file} does not hold an OpenAPI document (an object at the top level)`, file);
  }
  return value as OasSchema;
}

/** Checks the document against the OpenAPI 3.0 schema and rules (swagger-parser), on a copy it may mutate. */
async function checkOpenApi(document: OasSchema, file: string): Promise<void> {
  const version = document['openapi'];
  if (typeof version !== 'string' || !/^3\.0\.\d+$/.test(version)) {
    throw new ContractLoadError(`${file}: expected an OpenAPI 3.0.x document, found openapi: ${JSON.stringify(version ?? null)}`, file);
  }
  try {
    // Why a copy: swagger-parser dereferences the object it is given in place.
    await SwaggerParser.validate(structuredClone(document) as never);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error);
    throw new ContractLoadError(`${file} is not a valid OpenAPI 3.0 document: ${detail}`, file, { cause: error });
  }
}

/** Builds a contract from document text (YAML or JSON); `file` names it in messages. */
export async function parseContract(text: string, file = '<contract>'): Promise<Contract> {
  const document = parse(text, file);
  await checkOpenApi(document, file);
  const info = (document['info'] ?? {}) as Record<string, unknown>;
  return {
    file,
    title: String(info['title'] ?? ''),
    version: String(info['version'] ?? ''),
    openapi: String(document['openapi']),
    document,
    operations: operationsOf(dereference(document)),
  };
}

/** Reads a contract file's text; an unreadable file is a ContractLoadError naming it. */
export async function readContractText(file: string = DEFAULT_CONTRACT_FILE): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ContractLoadError(`cannot read contract ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, file, { cause: error });
  }
}

/** Reads, parses, checks and dereferences a contract file. */
export async function loadContract(file: string = DEFAULT_CONTRACT_FILE): Promise<Contract> {
  return parseContract(await readContractText(file), file);
}

/**
 * Picks the operation under test: by operationId or "METHOD /path", or the only operation when the document has one.
 */
export function selectOperation(contract: Contract, selector?: string): OperationModel {
  const { operations } = contract;
  const label = (op: OperationModel): string => `${op.method} ${op.pathTemplate}${op.operationId ? ` (${op.operationId})` : ''}`;
  if (selector === undefined) {
    const [only] = operations;
    if (only && operations.length === 1) return only;
    throw new ContractLoadError(`${contract.file} has ${operations.length} operations; choose one with --operation: ${operations.map(label).join('; ')}`);
  }
  const found = operations.find((op) => op.operationId === selector || `${op.method} ${op.pathTemplate}` === selector);
  if (!found) throw new ContractLoadError(`no operation ${selector} in ${contract.file}; it has: ${operations.map(label).join('; ')}`);
  return found;
}
