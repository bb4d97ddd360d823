import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parseDocument } from 'yaml';
import { ContractLoadError } from '../errors.js';
import { operationsOf } from './operation.js';
import type { Contract, OasSchema } from './types.js';

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

/** Refuses anything but OpenAPI 3.0.x (3.1 reads `nullable`, `exclusiveMaximum` and `$ref` siblings differently). */
function checkVersion(document: OasSchema, file: string): void {
  const version = document['openapi'];
  if (typeof version !== 'string' || !/^3\.0\.\d+$/.test(version)) {
    throw new ContractLoadError(`${file}: expected an OpenAPI 3.0.x document, found openapi: ${JSON.stringify(version ?? null)}`, file);
  }
}

/** Checks the document against the OpenAPI 3.0 schema and rules (swagger-parser), on a copy it may mutate. */
async function checkOpenApi(document: OasSchema, file: string): Promise<void> {
  try {
    // Why a copy: swagger-parser dereferences the object it is given in place.
    await SwaggerParser.validate(structuredClone(document) as never);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error);
    throw new ContractLoadError(`${file} is not a valid OpenAPI 3.0 document: ${detail}`, file, { cause: error });
  }
}

/** The contract of a parsed document: its info and every operation, modelled one by one. */
function contractOf(document: OasSchema, file: string): Contract {
  const info = (document['info'] ?? {}) as Record<string, unknown>;
  const { operations, unsupported } = operationsOf(document);
  return {
    file,
    title: String(info['title'] ?? ''),
    version: String(info['version'] ?? ''),
    openapi: String(document['openapi']),
    document,
    operations,
    unsupported,
  };
}

/** Builds a contract from document text (YAML or JSON); `file` names it in messages. */
export async function parseContract(text: string, file = '<contract>'): Promise<Contract> {
  const document = parse(text, file);
  checkVersion(document, file);
  await checkOpenApi(document, file);
  return contractOf(document, file);
}

/**
 * parseContract without the OpenAPI schema check, which swagger-parser only does asynchronously: for callers that
 * must be synchronous (the chai assertion) on a document already known to pass it (the shipped one: the suite checks).
 */
export function parseContractSync(text: string, file = '<contract>'): Contract {
  const document = parse(text, file);
  checkVersion(document, file);
  return contractOf(document, file);
}

/** Reads a contract file's text; an unreadable file is a ContractLoadError naming it. */
export async function readContractText(file: string = DEFAULT_CONTRACT_FILE): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ContractLoadError(`cannot read contract ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, file, { cause: error });
  }
}

/** readContractText, synchronously. */
export function readContractTextSync(file: string = DEFAULT_CONTRACT_FILE): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ContractLoadError(`cannot read contract ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, file, { cause: error });
  }
}

/** Reads, parses, checks and dereferences a contract file. */
export async function loadContract(file: string = DEFAULT_CONTRACT_FILE): Promise<Contract> {
  return parseContract(await readContractText(file), file);
}
