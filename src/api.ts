/** The library's curated public surface (what `import ... from 'stigg-contract'` gives), every export by name. */
export { loadContract, parseContract, selectOperation, DEFAULT_CONTRACT_FILE } from './contract/index.js';
export { lintContract, lintOperation } from './lint/lint.js';
export { openContract, bindOperation, type OperationContract, type ValidationIssue, type Verdict } from './validators/index.js';
export { validRequest, invalidRequest, unauthenticatedRequest, anyRequest, responseArbitrary, exampleResponse } from './arbitraries/index.js';
export { StiggIntegrationsClient } from './client/index.js';
export { CHECKS, selectChecks, runCheck, runChecks, createCheckContext, type Check, type Exchange, type Finding } from './checks/index.js';
export { verify, type VerifyOptions, type VerifySummary } from './runners/verify/verify.js';
export { replayRegression, type RegressionSpec, type ReplayOptions } from './runners/replay.js';
export { startReferenceProvider } from './provider/index.js';
export { HarnessError, ContractLoadError, ConfigurationError, TransportError } from './errors.js';
