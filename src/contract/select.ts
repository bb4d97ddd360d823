import { ContractLoadError } from '../errors.js';
import type { Contract, OperationModel, UnsupportedOperation } from './types.js';

/** The operation this project is about, as every zero-config entry point picks it: by method and path. */
export const DEFAULT_OPERATION = 'PATCH /api/v1/customers/{id}/integrations/{integrationId}';

type Named = Pick<OperationModel, 'method' | 'pathTemplate' | 'operationId'>;

/** `PATCH /path (operationId)`: how messages name an operation. */
export const operationLabel = (op: Named): string => `${op.method} ${op.pathTemplate}${op.operationId ? ` (${op.operationId})` : ''}`;

/** Whether a selector (an operationId, or `METHOD /path` with the method in any case) names this operation. */
function names(op: Named, selector: string): boolean {
  if (op.operationId === selector) return true;
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(selector);
  return match !== null && match[1]?.toUpperCase() === op.method && match[2] === op.pathTemplate;
}

/** The operations to choose from, for an error message: at most a dozen, then how many more. */
function choices(contract: Contract): string {
  const labels = contract.operations.map(operationLabel);
  const shown = labels.slice(0, 12).join('; ');
  return labels.length > 12 ? `${shown}; and ${labels.length - 12} more` : shown;
}

/**
 * The operation a selector names (an operationId, or `METHOD /path`; without a selector, DEFAULT_OPERATION): the
 * modelled one, or the unsupported one with its reason, or undefined.
 */
export function findOperation(contract: Contract, selector?: string): OperationModel | UnsupportedOperation | undefined {
  const wanted = selector ?? DEFAULT_OPERATION;
  return contract.operations.find((op) => names(op, wanted)) ?? contract.unsupported.find((op) => names(op, wanted));
}

/** Whether what findOperation found is an operation that could be modelled. */
export const isModelled = (found: OperationModel | UnsupportedOperation): found is OperationModel => !('reason' in found);

/**
 * Picks the operation under test: by operationId or `METHOD /path`; without a selector, the shipped operation
 * (DEFAULT_OPERATION), or else the document's only operation. An operation that could not be modelled is refused
 * with its reason; an unknown selector with the operations there are.
 */
export function selectOperation(contract: Contract, selector?: string): OperationModel {
  const { operations, file } = contract;
  assertHasOperations(contract);
  const found = findOperation(contract, selector);
  if (found) {
    if (isModelled(found)) return found;
    throw new ContractLoadError(`${operationLabel(found)} in ${file} cannot be modelled: ${found.reason}`, file);
  }
  const [only] = operations;
  if (selector === undefined && only && operations.length === 1 && contract.unsupported.length === 0) return only;
  const count = operations.length + contract.unsupported.length;
  if (selector === undefined) {
    throw new ContractLoadError(`${file} has ${count} operations and none is ${DEFAULT_OPERATION}; choose one with the operation option (--operation): ${choices(contract)}`, file);
  }
  throw new ContractLoadError(`no operation ${selector} in ${file}; it has ${count} operations: ${choices(contract)}`, file);
}

/** Throws a ContractLoadError, the same for every command, when the document has no operation at all. */
export function assertHasOperations(contract: Contract): void {
  if (contract.operations.length + contract.unsupported.length === 0) {
    throw new ContractLoadError(`${contract.file} has no operations (its paths hold none): there is nothing to test or lint`, contract.file);
  }
}

/**
 * What keeps the harness (validators, generators, checks) from driving an operation it has modelled: the
 * parameter locations it does not send or check yet. Empty when it can drive it.
 */
export function harnessLimits(operation: OperationModel): string[] {
  return [
    ...(operation.queryParams.length > 0 ? [`query parameters (${operation.queryParams.map((p) => p.name).join(', ')})`] : []),
    ...(operation.cookieParams.length > 0 ? [`cookie parameters (${operation.cookieParams.map((p) => p.name).join(', ')})`] : []),
  ].map((what) => `the harness does not send or check ${what} yet`);
}

/** Throws a ContractLoadError when the harness cannot drive the operation, saying why. */
export function assertDrivable(contract: Contract, operation: OperationModel): void {
  const limits = harnessLimits(operation);
  if (limits.length > 0) throw new ContractLoadError(`${operationLabel(operation)} in ${contract.file} cannot be tested: ${limits.join('; ')}`, contract.file);
}
