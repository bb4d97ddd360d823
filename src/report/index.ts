/** The report layer's public surface: the Report type and builder, formatters, reproducers, progress, exit codes. */
export type * from './types.js';
export { coverageLine, findingSignature, isExchangeFinding, mergeCoverage, tally } from './model.js';
export { parseReport } from './parse.js';
export { mergeReports } from './merge.js';
export { createReportBuilder, messageShape, orderGroups, requestSize, type ReportBuilder, type ReportBuilderOptions } from './builder.js';
export { createCoverage, type CoverageOptions, type CoverageTracker } from './coverage.js';
export { formatConsole, type ConsoleOptions } from './console.js';
export { formatJson, type JsonOptions } from './json-report.js';
export { formatJunit, type JunitOptions } from './junit.js';
export { curlCommand, replayFlags, reproducerFor } from './reproducer.js';
export { createProgress, progressListener, type Progress, type ProgressOptions, type ProgressStream } from './progress.js';
export { redact, redactDeep, redactor, REDACTED } from '../secrets.js';
export { EXIT_CODES, exitCodeOf, type ExitCode } from './exit-code.js';
export { pactLine, trafficLines } from './traffic-log.js';
