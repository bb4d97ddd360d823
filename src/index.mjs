// Package entry for JavaScript callers (e.g. the regression tests `verify --save-failures` writes): registers tsx so
// the TypeScript sources load as they are, then re-exports the curated surface of src/api.ts.
import { register } from 'tsx/esm/api';

register();
const api = await import('./api.ts');

export const {
  loadContract, parseContract, selectOperation, DEFAULT_CONTRACT_FILE, lintContract, lintOperation, openContract,
  bindOperation, validRequest, invalidRequest, unauthenticatedRequest, anyRequest, responseArbitrary, exampleResponse,
  StiggIntegrationsClient, CHECKS, selectChecks, runCheck, runChecks, createCheckContext, verify, replayRegression,
  startReferenceProvider, HarnessError, ContractLoadError, ConfigurationError, TransportError,
} = api;
