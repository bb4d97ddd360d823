/** The library's curated public surface (what `import ... from 'stigg-contract'` gives), every export by name. */
export { loadContract, parseContract, selectOperation, DEFAULT_CONTRACT_FILE, DEFAULT_OPERATION } from './contract/index.js';
export { lintContract, lintOperation } from './lint/lint.js';
export { diffContracts, type OperationDiff, type Change } from './diff/index.js';
export { openContract, bindOperation, type OpenContractOptions, type OperationContract, type ValidationIssue, type Verdict, type RequestExchange, type ResponseExchange, type ExchangeResult } from './validators/index.js';
export { validRequest, invalidRequest, unauthenticatedRequest, anyRequest, responseArbitrary, exampleResponse } from './arbitraries/index.js';
export {
  StiggIntegrationsClient, StiggClientError, StiggApiError, BadInputError, UnauthenticatedError, ForbiddenError, NotFoundError,
  RateLimitedError, UnexpectedResponseError, StiggTransportError, ContractViolationError,
  type ClientOptions, type ApiErrorDetails, type CustomerIntegration, type SyncData, type UpdateIntegrationBody,
} from './client/index.js';
export { CHECKS, selectChecks, runCheck, runChecks, createCheckContext, type Check, type Exchange, type Finding } from './checks/index.js';
export type { RunListener, RunProblem, RunStop } from './events/index.js';
export { verify, VERIFY_DEFAULTS, resolveVerifyOptions, type VerifyOptions, type ResolvedVerifyOptions, type VerifyResult } from './verify.js';
export type { VerifySummary } from './runners/verify/verify-runner.js';
export { replayRegression, type RegressionSpec, type ReplayOptions } from './runners/replay.js';
export { startMockServer, type MockServer, type MockServerOptions } from './runners/mock/index.js';
export { startReferenceProvider, type ReferenceProvider, type ReferenceProviderOptions } from './provider/index.js';
export { formatConsole, formatJson, formatJunit, parseReport, mergeReports, exitCodeOf, type Report } from './report/index.js';
export { HarnessError, ContractLoadError, ConfigurationError, TransportError } from './errors.js';
