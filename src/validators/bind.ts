import type { Contract, OperationModel } from '../contract/types.js';
import type { Defect } from '../lint/defect.js';
import { lintOperation } from '../lint/lint.js';
import { compileParts, type CompiledParts } from './compile.js';
import { checkRequest, checkResponse, type ExchangeResult, type RequestExchange, type ResponseExchange } from './validate-exchange.js';

/** Everything the later layers need about the operation under test, built once. */
export interface OperationContract {
  readonly contract: Contract;
  readonly operation: OperationModel;
  readonly defects: readonly Defect[];
  readonly parts: CompiledParts;
  validateRequest(exchange: RequestExchange): ExchangeResult;
  validateResponse(exchange: ResponseExchange): ExchangeResult;
}

/** Lints the operation and compiles both readings of its parts. */
export function bindOperation(contract: Contract, operation: OperationModel): OperationContract {
  const defects = lintOperation(operation);
  const parts = compileParts(operation, defects);
  return {
    contract,
    operation,
    defects,
    parts,
    validateRequest: (exchange) => checkRequest(operation, parts, exchange),
    validateResponse: (exchange) => checkResponse(operation, parts, exchange),
  };
}
