/** `stigg-contract mock [flags] -- <command> [args...]` and `mock report FILE`: a client's verdict in one CI step. */
import { ConfigurationError } from '../../errors.js';
import { exitCodeOf, formatConsole, type Report } from '../../report/index.js';
import { clientVerdict, driftPlan, reportFromLog, runClient, BASE_URL_VARIABLE, type ClientReport, type MockServerOptions } from '../../runners/mock/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { CliIo } from '../io.js';
import { reportTargets, writeReports, type ReportTargets } from '../report-output.js';
import { onStopSignals } from '../signals.js';
import { ensureWritableDir } from '../writable.js';

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

/** Prints the verdict (colour only on a terminal, unless NO_COLOR) and writes `--report`; returns the exit code. */
function give(report: Report, targets: ReportTargets, io: CliIo): number {
  io.out(formatConsole(report, { color: io.isTty && !process.env['NO_COLOR'] }));
  writeReports(targets, report);
  return exitCodeOf(report);
}

/** `mock report FILE`: the client report of a saved log, with the exit code the run would have had. */
export async function reportMode(file: string, contract: OperationContract, flags: ReportFlags, io: CliIo, next?: OperationContract): Promise<number> {
  const targets = reportTargets(flags.report);
  if (flags.recordPact !== undefined) throw new ConfigurationError('--record-pact needs the client\'s run: stigg-contract mock --record-pact DIR --consumer NAME -- <command>');
  const report = await reportFromLog(file, contract, { strictContract: flags.strictContract === true, ...(next === undefined ? {} : { drift: driftPlan(contract, next) }) });
  return give(clientVerdict(report, contract, { log: file }), targets, io);
}

/** Runs the client's command against a fresh mock; the mock stops when the command ends. */
export async function clientMode(argv: readonly string[], options: MockServerOptions, flags: ReportFlags, io: CliIo): Promise<number> {
  const targets = reportTargets(flags.report, options.logFile);
  const recordPact = recordPactOf(flags);
  if (recordPact) ensureWritableDir(recordPact.dir, 'the pact into');
  const [command, ...args] = argv;
  if (command === undefined) throw new ConfigurationError('nothing to run after --: give the client\'s test command, e.g. stigg-contract mock -- npm test');
  // Only the real process streams are handed to the command as they are; a test's io gets its output as text.
  const output = io.inheritable ? 'inherit' : (stream: 'stdout' | 'stderr', text: string) => (stream === 'stdout' ? io.out(text) : io.err(text));
  const run = await runClient({ ...options, command, args, output, strictContract: flags.strictContract === true, ...(recordPact ? { recordPact } : {}) });
  io.err(`stigg-contract mock: ${BASE_URL_VARIABLE}=${run.url} for ${[command, ...args].join(' ')} (seed ${run.seed})`);
  // A stop signal goes on to the command; the mock stops (and the report is printed) once the command has ended. A
  // second one kills the command: a client suite that ignores the first must not keep the CI step waiting.
  const stopListening = onStopSignals((signal) => run.stop(signal), () => {
    io.err('stigg-contract mock: second signal: killing the command');
    run.stop('SIGKILL');
  });
  let report: ClientReport;
  try {
    report = await run.done;
  } finally {
    stopListening();
  }
  if (report.command && 'error' in report.command) throw new ConfigurationError(report.command.error);
  if (report.pact && 'withheld' in report.pact) io.err(`stigg-contract mock: no pact written to ${flags.recordPact ?? ''}: ${report.pact.withheld}`);
  return give(clientVerdict(report, options.contract, { url: run.url, seed: run.seed, ...(options.logFile ? { log: options.logFile } : {}) }), targets, io);
}
