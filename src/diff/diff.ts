/** Two versions of a contract compared on one operation: the diff engine's entry point. */
import { createAjv, knownFormats } from '../contract/ajv.js';
import { ContractLoadError } from '../errors.js';
import { findOperation, isModelled, operationLabel, selectOperation } from '../contract/select.js';
import type { Contract, OperationModel, Reading } from '../contract/types.js';
import { intentRewrite, lintOperation } from '../lint/lint.js';
import { emit, type DiffContext, type Sides } from './emit.js';
import type { Reader } from './facts.js';
import { diffParameters, diffRequestBody } from './parameters.js';
import { diffResponses } from './responses.js';
import { diffSecurity } from './security.js';
import type { Change, Direction, DiffSide, OperationDiff } from './types.js';

/** The operation a selector names in one document, or undefined (an unmodelled one is unusable input). */
function pick(contract: Contract, selector: string | undefined): OperationModel | undefined {
  const found = findOperation(contract, selector);
  if (found && !isModelled(found)) throw new ContractLoadError(`${operationLabel(found)} in ${contract.file} cannot be compared: ${found.reason}`, contract.file);
  if (found) return found;
  const [only] = contract.operations;
  return selector === undefined && only && contract.operations.length === 1 && contract.unsupported.length === 0 ? only : undefined;
}

function readersOf(operation: OperationModel, formats: ReadonlySet<string>): Readonly<Record<Reading, Reader>> {
  return { strict: { formats }, intent: { formats, rewrite: intentRewrite(lintOperation(operation)) } };
}

const sideOf = (contract: Contract, operation: OperationModel | undefined): DiffSide => ({
  file: contract.file, title: contract.title, version: contract.version, ...(operation ? { operation: operationLabel(operation) } : {}),
});

/** Every change between two versions of one operation, request side first, each with its level. */
export function diffOperationModels(ops: Sides<OperationModel>): Change[] {
  const formats = knownFormats(createAjv());
  const readers = { old: readersOf(ops.old, formats), new: readersOf(ops.new, formats) };
  const out: Change[] = [];
  const context = (direction: Direction): DiffContext => ({ readers, direction, out });
  const request = context('request');
  if (ops.old.method !== ops.new.method) emit(request, { rule: 'method-changed', place: { part: 'operation', path: '' }, message: `method ${ops.old.method} → ${ops.new.method}`, pointers: { old: ops.old.pointer, new: ops.new.pointer } });
  if (ops.old.pathTemplate !== ops.new.pathTemplate) emit(request, { rule: 'path-changed', place: { part: 'operation', path: '' }, message: `path ${ops.old.pathTemplate} → ${ops.new.pathTemplate}`, pointers: { old: ops.old.pointer, new: ops.new.pointer } });
  diffSecurity(request, ops);
  diffParameters(request, ops);
  diffRequestBody(request, ops);
  diffResponses(context('response'), ops);
  return out;
}

/**
 * Compares one operation (an operationId or `METHOD /path`; by default the shipped one) between two contracts.
 * An operation found by path in the old document only is looked for by its operationId in the new one (a move).
 * Throws a ContractLoadError when neither document has it, or when it cannot be modelled.
 */
export function diffContracts(old: Contract, next: Contract, selector?: string): OperationDiff {
  const before = pick(old, selector);
  const after = pick(next, selector) ?? (before?.operationId !== undefined ? pick(next, before.operationId) : undefined);
  if (before === undefined && after === undefined) selectOperation(old, selector);
  const sides = { old: sideOf(old, before), new: sideOf(next, after) };
  if (before && after) return { ...sides, changes: diffOperationModels({ old: before, new: after }) };
  const only = (before ?? after) as OperationModel;
  const out: Change[] = [];
  const removed = before !== undefined;
  emit({ direction: 'request', out }, {
    rule: removed ? 'operation-removed' : 'operation-added', place: { part: 'operation', path: '' },
    message: `${operationLabel(only)} ${removed ? 'removed' : 'added'}`, pointers: { old: removed ? only.pointer : '/paths', new: removed ? '/paths' : only.pointer },
  });
  return { ...sides, changes: out };
}
