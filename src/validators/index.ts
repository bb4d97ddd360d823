/** The validators layer: both readings of every part, compiled once; request and response checks. */
export { bindOperation, type OperationContract } from './bind.js';
export { openContract, openContractSync, type OpenContractOptions } from './open-contract.js';

export type { ExchangeResult, RequestExchange, ResponseExchange } from './validate-exchange.js';
export { verdictOf, preview, formatIssue, defectsOnly, distinctIssues, type Part, type ValidationIssue, type Verdict } from './issue.js';
export { axiosErrorResponse, isFetchResponse, readFetchResponse, recogniseExchange, headersOf, requestExchangeOf, responseExchangeOf, type RecognisedExchange } from './exchange-input.js';
export type { PartSchemas } from './schemas.js';
