/** The validators layer: both readings of every part, compiled once; request and response checks. */
import { loadContract, selectOperation } from '../contract/load.js';
import type { Contract, OperationModel } from '../contract/types.js';
import type { Defect } from '../lint/defect.js';
import { lintOperation } from '../lint/lint.js';
import { compileParts, type CompiledParts } from './compile.js';
import { checkRequest, checkResponse, type ExchangeResult, type RequestExchange, type ResponseExchange } from './validate-exchange.js';

export type { ExchangeResult, HeaderValues, RequestExchange, ResponseExchange } from './validate-exchange.js';
export { normaliseHeaders, mediaEssence } from './validate-exchange.js';
export { verdictOf, preview, formatIssue, defectsOnly, distinctIssues, type Part, type ValidationIssue, type Verdict } from './issue.js';
export { recogniseExchange, headersOf, requestExchangeOf, responseExchangeOf, type RecognisedExchange } from './exchange-input.js';
export type { PartSchemas } from './schemas.js';
export { headerKey } from './schemas.js';

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

/** Loads a contract file (default: the shipped one) and binds its operation under test. */
export async function openContract(file?: string, operation?: string): Promise<OperationContract> {
  const contract = await loadContract(file);
  return bindOperation(contract, selectOperation(contract, operation));
}
