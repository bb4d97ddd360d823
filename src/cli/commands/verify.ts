import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import { fanOut, type RunListener } from '../../events/index.js';
import { ConfigurationError } from '../../errors.js';
import { brokerVerificationOptions, type BrokerVerificationFlags } from '../../pact/broker/verification-source.js';
import { brokerConfigFrom, secretsOf } from '../../pact/broker/index.js';
import { defaultPactsDir, PROVIDER } from '../../pact/names.js';
import { createProgress, exitCodeOf, formatConsole, isExchangeFinding, progressListener, pactLine, trafficLines } from '../../report/index.js';
import { campaignProgress } from '../../report/campaign-progress.js';
import { databaseLines, seedLine } from './verify-campaign.js';
import { writeRegressionTests } from '../../runners/regression-tests.js';
import { resolveVerifyOptions, verify, type ResolvedVerifyOptions, type VerifyResult } from '../../verify.js';
import { openContract, type OperationContract } from '../../validators/index.js';
import { optionsOf } from '../command.js';
import { readFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { writeReports } from '../report-output.js';
import { onStopSignals } from '../signals.js';
import { ensureWritable } from '../writable.js';
import { refuseIgnoredFlags } from './verify-options.js';
import { refuseDocumentedHeaders } from '../../runners/verify/extra-headers.js';
import { VERIFY_FLAGS, type VerifyCliOutputs } from './verify-flags.js';
import { API_KEY_ENV, headerValueSecrets, redact, scrubError, scrubber } from '../../secrets.js';

/** The traffic log, opened (and so checked writable) before the run. */
function openLog(file: string | undefined, secrets: () => readonly string[]): { listener: RunListener; close(): Promise<void> } {
  if (!file) return { listener: {}, close: async () => undefined };
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (error) {
    throw new ConfigurationError(`cannot write the log ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const stream: WriteStream = createWriteStream(file, { fd });
  return {
    listener: {
      onExchange: (exchange, runs) => void stream.write(`${trafficLines(exchange, runs, secrets())}\n`),
      onPact: (result) => void stream.write(`${pactLine(result, secrets())}\n`),
    },
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}

/** The exit code of an interrupted run, as shells give a process ended by SIGINT. */
const INTERRUPTED = 130;

/** A parsed command line: the run's resolved options and what only the CLI does with the run. */
interface Parsed {
  readonly contract: OperationContract;
  readonly options: ResolvedVerifyOptions;
  readonly outputs: Omit<VerifyCliOutputs, 'contract' | 'operation' | 'contractNext'>;
  readonly controller: AbortController;
  /** What must never be printed: the API key, broker credentials (the embedded provider's key is added after the run). */
  readonly secrets: readonly string[];
}

/** Flags (from the table) and environment → resolved options; every flag is checked before anything runs. */
async function parse(given: Readonly<Record<string, unknown>>, io: CliIo): Promise<Parsed> {
  const env = process.env;
  const usesBroker = given['brokerUrl'] !== undefined || (given['providerVersion'] !== undefined && env['PACT_BROKER_BASE_URL'] !== undefined);
  refuseIgnoredFlags(given, usesBroker);
  const { contract: contractFile, operation, contractNext, report, saveFailures, log, color, ...flags } = readFlags(VERIFY_FLAGS, given);
  const contract = await openContract(contractFile, operation);
  const nextContract = contractNext === undefined ? undefined : await openContract(contractNext, operation);
  const brokerFlags = given as unknown as BrokerVerificationFlags;
  const broker = usesBroker ? brokerVerificationOptions(PROVIDER, brokerFlags, env) : undefined;
  const apiKey = flags.apiKey ?? env[API_KEY_ENV];
  const pacts = flags.pactsDir !== undefined ? { dir: flags.pactsDir, shipped: false } : defaultPactsDir();
  const controller = new AbortController();
  const options = resolveVerifyOptions({ ...flags, ...(nextContract ? { nextContract } : {}), ...(apiKey ? { apiKey } : {}), pactsDir: pacts.dir, ...(broker ? { broker } : {}), signal: controller.signal });
  refuseDocumentedHeaders(contract, options.headers);
  ensureWritable([...Object.values(report ?? {}), ...(log ? [log] : [])], saveFailures);
  if (pacts.shipped && !usesBroker) io.out(`No pacts/ in ${process.cwd()}: verifying the pacts shipped with stigg-contract (${pacts.dir})`);
  const secrets = [...(usesBroker ? secretsOf(brokerConfigFrom(brokerFlags, env).auth) : []), ...(apiKey ? [apiKey] : []), ...Object.values(options.headers).flatMap(headerValueSecrets)];
  const outputs = { ...(report ? { report } : {}), ...(saveFailures ? { saveFailures } : {}), ...(log ? { log } : {}), ...(color === undefined ? {} : { color }) };
  return { contract, options, outputs, controller, secrets };
}

/**
 * Runs verify() with progress on stderr, the traffic log, and Ctrl+C wired to the run's signal: the first stops the
 * run (requests in flight and Pact's verifier too), tears down and reports; a second ends the process at once.
 */
async function execute({ contract, options, outputs, controller, secrets }: Parsed, io: CliIo): Promise<VerifyResult> {
  const log = openLog(outputs.log, () => secrets);
  // The seed first, so a run cut short can still be replayed.
  io.err(seedLine(options));
  const stopListening = onStopSignals(() => controller.abort(), () => {
    io.err('stigg-contract: stopped at once on a second signal: no teardown, no report');
    // The CLI owns the process; Pact's verifier child is killed on exit (pact/verifier.ts).
    process.exit(INTERRUPTED);
  });
  const progress = options.maxTimeMs === undefined
    ? progressListener(createProgress(io.progress, { label: 'verify' }), { strictContract: options.strictContract })
    : campaignProgress(io.progress, { label: 'verify', maxTimeMs: options.maxTimeMs, strictContract: options.strictContract });
  try {
    return await verify(contract, options, fanOut(progress, log.listener));
  } finally {
    stopListening();
    await log.close();
  }
}

/** Prints and writes the report (secrets redacted), writes regression tests; the exit code. */
function render(result: VerifyResult, { contract, options, outputs, controller, secrets: known }: Parsed, io: CliIo): number {
  const secrets = [...known, result.apiKey];
  const { report } = result;
  // Colour only on a terminal, unless --no-color or NO_COLOR (https://no-color.org) says otherwise.
  const color = io.isTty && outputs.color !== false && !process.env['NO_COLOR'];
  io.out(formatConsole(report, { color, secrets }));
  if (result.embedded && report.findings.length > 0) io.out(`The curl commands target the embedded reference provider, which stopped with this run: start one with \`stigg-contract serve\` and set the URL, or verify with --base-url.`);
  // Teardown problems are in the report (its Problems section and last line); refused edge fixtures are warnings.
  for (const problem of result.setupProblems) io.err(redact(`warning: ${problem}`, secrets));
  writeReports(outputs.report ?? {}, report, secrets);
  for (const line of databaseLines(result.failures)) io.out(line);
  for (const problem of result.failures.problems) io.err(`warning: ${problem}`);
  if (outputs.saveFailures) io.out(`Regression tests: ${writeRegressionTests(report.findings.map((group) => group.finding).filter(isExchangeFinding), outputs.saveFailures, result, contract, secrets).join(', ') || 'none (no failures)'}`);
  return controller.signal.aborted ? INTERRUPTED : exitCodeOf(report, { strictContract: options.strictContract, failOnDrift: options.failOnDrift });
}

/** `stigg-contract verify`'s run (its flags and help are in verify-command.ts): parse → verify() → render. */
export async function run(args: readonly unknown[], io: CliIo): Promise<number> {
  const parsed = await parse(optionsOf<Readonly<Record<string, unknown>>>(args), io);
  try {
    return render(await execute(parsed, io), parsed, io);
  } catch (error) {
    // A harness error can quote what the provider or the state URL answered, which may echo a secret.
    throw scrubError(error, scrubber(parsed.secrets));
  }
}
