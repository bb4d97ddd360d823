/** `stigg-contract mock [flags] -- <command> [args...]` and `mock report FILE`: a client's verdict in one CI step. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigurationError } from '../../errors.js';
import { clientExitCode, reportFromLog, runClient, BASE_URL_VARIABLE, type ClientReport, type MockServerOptions } from '../../runners/mock/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { CliIo } from '../io.js';
import { processIo } from '../io.js';
import { formatClientReport } from './mock-format.js';
import { parseReports } from '../report-output.js';

/** The report flags both modes share, and the pact recording of client mode. */
export interface ReportFlags {
  readonly strictContract?: boolean;
  readonly report?: string;
  readonly recordPact?: string;
  readonly consumer?: string;
}

/** `--record-pact DIR --consumer NAME`, checked: both or neither, and a name that is a file name. */
function recordPactOf(flags: ReportFlags): { dir: string; consumer: string } | undefined {
  if (flags.recordPact === undefined && flags.consumer === undefined) return undefined;
  if (!flags.recordPact || !flags.consumer) throw new ConfigurationError('--record-pact DIR and --consumer NAME go together: the pact is named <consumer>-stigg-api.json');
  if (/[/\\]/.test(flags.consumer) || flags.consumer.trim() === '') throw new ConfigurationError(`--consumer must be a name, not a path: ${JSON.stringify(flags.consumer)}`);
  return { dir: flags.recordPact, consumer: flags.consumer };
}

/** Writes `--report json=FILE` (the mock writes JSON only). */
function writeReport(report: ClientReport, value: string | undefined): void {
  const targets = parseReports(value);
  if (targets.junit) throw new ConfigurationError('mock writes --report json=FILE only');
  if (!targets.json) return;
  mkdirSync(dirname(targets.json), { recursive: true });
  writeFileSync(targets.json, `${JSON.stringify(report, null, 2)}\n`);
}

/** `mock report FILE`: the client report of a saved log, with the exit code the run would have had. */
export async function reportMode(file: string, contract: OperationContract, flags: ReportFlags, io: CliIo): Promise<number> {
  parseReports(flags.report);
  if (flags.recordPact !== undefined) throw new ConfigurationError('--record-pact needs the client\'s run: stigg-contract mock --record-pact DIR --consumer NAME -- <command>');
  const report = await reportFromLog(file, contract, { strictContract: flags.strictContract === true });
  io.out(formatClientReport(report, [`log: ${file}`]));
  writeReport(report, flags.report);
  return clientExitCode(report);
}

/** Runs the client's command against a fresh mock; the mock stops when the command ends. */
export async function clientMode(argv: readonly string[], options: MockServerOptions, flags: ReportFlags, io: CliIo): Promise<number> {
  parseReports(flags.report);
  const recordPact = recordPactOf(flags);
  const [command, ...args] = argv;
  if (command === undefined) throw new ConfigurationError('nothing to run after --: give the client\'s test command, e.g. stigg-contract mock -- npm test');
  // Only the real process streams are handed to the command as they are; a test's io gets its output as text.
  const output = io === processIo ? 'inherit' : (stream: 'stdout' | 'stderr', text: string) => (stream === 'stdout' ? io.out(text) : io.err(text));
  const run = await runClient({ ...options, command, args, output, strictContract: flags.strictContract === true, ...(recordPact ? { recordPact } : {}) });
  io.err(`stigg-contract mock: ${BASE_URL_VARIABLE}=${run.url} for ${[command, ...args].join(' ')} (seed ${run.seed})`);
  // A stop signal goes on to the command; the mock stops (and the report is printed) once the command has ended.
  const forward = (signal: NodeJS.Signals): void => run.stop(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  let report: ClientReport;
  try {
    report = await run.done;
  } finally {
    process.off('SIGINT', forward).off('SIGTERM', forward);
  }
  if (report.command && 'error' in report.command) throw new ConfigurationError(report.command.error);
  io.out(formatClientReport(report, [`mock: ${run.url}, seed ${run.seed}`, ...(options.logFile ? [`log: ${options.logFile}`] : [])]));
  writeReport(report, flags.report);
  return clientExitCode(report);
}
