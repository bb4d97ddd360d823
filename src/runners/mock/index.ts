/** The contract mock server's public surface (`stigg-contract mock`), every export by name. */
export { startMockServer, DEFAULT_MOCK_BODY_LIMIT_BYTES, type MockServer, type MockServerOptions } from './server.js';
export { loadPactResponder, pickInteraction, type PactEntry, type PactResponder } from './pact-responder.js';
export { requestMatches } from './pact-match.js';
export { decide, describeIssue, describeIssues, type MockContext } from './decide.js';
export { resolvePreference, preferences, type Preference, type PreferResult } from './prefer.js';
export { generatedReply, coherentPointers, errorReply, errorCode, statusHeaders, RETRY_AFTER_SECONDS, ROUTE_NOT_FOUND_CODE, type RequestFacts, type ResponderContext } from './respond.js';
export { responseBodies, type ResponseBodies } from './bodies.js';
export { SuccessSchedule, pinLengths, UNDOCUMENTED_PROPERTY, type LengthMode, type Slot } from './schedule.js';
export { shapeDimensions, pinChoice, classify, ABSENT, type Choice, type Dimension } from './shapes.js';
export { Drills, documentedDrills, drillLabel, type Drill } from './drills.js';
export { ConformanceLog, logEntry, REDACTED, type LogEntry } from './log.js';
export { DEFAULT_MOCK_SEED, responseSeed, isRunSeed } from './seed.js';
export { JSON_CONTENT_TYPE, contentTypeHeader } from './http-io.js';
export { ClientReportBuilder, clientExitCode, type ClientReport, type ClientProblem, type CommandOutcome } from './client-report.js';
export { CoverageTally, type CoverageItem, type CoverageGroup } from './client-coverage.js';
export { reportFromLog } from './log-reader.js';
export { runClient, BASE_URL_VARIABLE, type ClientEnv, type ClientRun, type ClientRunOptions, type ClientUnderTest } from './run-client.js';
export type { BodyIssue, MockDecision, MockReply, MockRequest, ReplySource } from './types.js';
