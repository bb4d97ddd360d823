/** The checks layer's public surface: types, the registry, running checks, and the helpers runners use. */
export type * from './types.js';
export type * from './check.js';
export { CHECKS, CHECK_IDS, checkById, selectChecks } from './registry.js';
export { runCheck, runChecks, type CheckRun } from './run.js';
export { intentUnder, judgeDrift, versionName, type DriftJudge } from './drift.js';
export { contractFacts, createCheckContext, type ContractFacts } from './facts.js';
export { isTransportFailure, cutBytes, trimResponse, failsRun, failsCheck, failingFindings } from './finding.js';
export { tagLabel } from './cases.js';
export {
  API_KEY_PLACEHOLDER, BODY_PREVIEW_BYTES, BAD_INPUT_STATUS, BAD_INPUT_CODE, UNAUTHENTICATED_STATUS, UNAUTHENTICATED_CODE, RATE_LIMITED_STATUS, FORBIDDEN_STATUS,
} from './documented.js';
