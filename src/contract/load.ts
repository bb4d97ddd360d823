import { closeSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
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

/**
 * Refuses anything but OpenAPI 3.0.x (3.1 reads `nullable`, `exclusiveMaximum` and `$ref` siblings differently), in
 * one line that says what the file is instead: Swagger 2.0, another version, or a document missing what every
 * OpenAPI document has.
 */
function checkVersion(document: OasSchema, file: string): void {
  const version = document['openapi'];
  if (version === undefined && document['swagger'] !== undefined) {
    throw new ContractLoadError(`${file} is a Swagger ${String(document['swagger'])} document; the harness reads OpenAPI 3.0.x: convert it first (swagger2openapi, or the Swagger Editor's "Convert to OpenAPI 3")`, file);
  }
  if (typeof version !== 'string' || !/^3\.0\.\d+$/.test(version)) {
    throw new ContractLoadError(`${file}: expected an OpenAPI 3.0.x document, found openapi: ${JSON.stringify(version ?? null)}`, file);
  }
  const missing = ['info', 'paths'].filter((field) => document[field] === null || typeof document[field] !== 'object');
  if (missing.length > 0) throw new ContractLoadError(`${file} is not an OpenAPI 3.0 document: it has no ${missing.join(' and no ')} (every document has openapi, info {title, version} and paths)`, file);
}

/** Checks the document against the OpenAPI 3.0 schema and rules (swagger-parser), on a copy it may mutate. */
async function checkOpenApi(document: OasSchema, file: string): Promise<void> {
  try {
    // Why a copy: swagger-parser dereferences the object it is given in place.
    await SwaggerParser.validate(structuredClone(document) as never);
  } catch (error) {
    // swagger-parser's message is a heading, then a problem a line: one line, its first few problems.
    const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/schema validation failed|is not a valid/i.test(line));
    const detail = lines.length === 0 ? 'the OpenAPI 3.0 schema rejects it' : `${lines.slice(0, 3).join('; ')}${lines.length > 3 ? `; and ${lines.length - 3} more` : ''}`;
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

/**
 * The most of a contract file read: Stigg's whole published document is well under 1 MiB, the largest public API
 * descriptions about 12 MiB. A bigger file (a log, a dump, /dev/zero) is refused before it is parsed: 100 MB of YAML
 * took 4 s and 755 MB of memory to be found invalid.
 */
export const MAX_CONTRACT_BYTES = 32 * 2 ** 20;
const READ_CHUNK_BYTES = 2 ** 20;

const cannotRead = (file: string, error: unknown): ContractLoadError =>
  new ContractLoadError(`cannot read contract ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, file, { cause: error });
const tooLarge = (file: string): ContractLoadError =>
  new ContractLoadError(`contract ${file} is larger than ${MAX_CONTRACT_BYTES / 2 ** 20} MiB, more than any OpenAPI document this harness reads: is it the right file?`, file);

/** Keeps a chunk just read; false at the end of the file, a ContractLoadError past MAX_CONTRACT_BYTES (the rest unread). */
function collect(file: string, chunks: Buffer[], chunk: Buffer, bytes: number): boolean {
  if (bytes === 0) return false;
  chunks.push(Buffer.from(chunk.subarray(0, bytes)));
  if (chunks.reduce((sum, each) => sum + each.length, 0) > MAX_CONTRACT_BYTES) throw tooLarge(file);
  return true;
}

/** Reads a contract file's text, at most MAX_CONTRACT_BYTES (read, not stat'ed: a device or pipe has no size). */
export async function readContractText(file: string = DEFAULT_CONTRACT_FILE): Promise<string> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const chunks: Buffer[] = [];
    const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    while (collect(file, chunks, chunk, (await handle.read(chunk, 0, chunk.length, null)).bytesRead));
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    throw error instanceof ContractLoadError ? error : cannotRead(file, error);
  } finally {
    await handle?.close();
  }
}

/** readContractText, synchronously. */
export function readContractTextSync(file: string = DEFAULT_CONTRACT_FILE): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const chunks: Buffer[] = [];
    const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    while (collect(file, chunks, chunk, readSync(fd, chunk, 0, chunk.length, null)));
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    throw error instanceof ContractLoadError ? error : cannotRead(file, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads, parses, checks and dereferences a contract file. */
export async function loadContract(file: string = DEFAULT_CONTRACT_FILE): Promise<Contract> {
  return parseContract(await readContractText(file), file);
}
