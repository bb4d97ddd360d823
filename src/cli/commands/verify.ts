import { createWriteStream, openSync, writeFileSync, type WriteStream } from 'node:fs';
import { CHECK_IDS, CHECKS, selectChecks } from '../../checks/index.js';
import { fanOut, type RunListener } from '../../events/index.js';
import { ConfigurationError } from '../../errors.js';
import { BROKER_VERIFICATION_FLAGS, brokerVerificationOptions, type BrokerVerificationFlags } from '../../pact/broker/verification-source.js';
import { brokerConfigFrom, secretsOf } from '../../pact/broker/index.js';
import { defaultPactsDir, PROVIDER } from '../../pact/names.js';
import { createProgress, exitCodeOf, formatConsole, formatJson, formatJunit, progressListener, pactLine, trafficLines } from '../../report/index.js';
import { writeRegressionTests } from '../../runners/regression-tests.js';
import { assertReplayPath } from '../../runners/verify/replay-path.js';
import { randomSeed, verify, type VerifyResult } from '../../verify.js';
import { openContract } from '../../validators/index.js';
import { optionsOf, type CommandModule } from '../command.js';
import type { CliIo } from '../io.js';
import { onStopSignal } from '../signals.js';
import { ensureWritable, parseInteger, parseReports, refuseIgnoredFlags, type ReportTargets } from './verify-options.js';
import { API_KEY_ENV } from '../../secrets.js';

interface VerifyFlags extends BrokerVerificationFlags {
  readonly baseUrl?: string;
  readonly apiKey?: string;
  readonly stateUrl?: string;
  readonly fixture: string[];
  readonly pacts?: string;
  readonly runs: string;
  readonly seed?: string;
  readonly path?: string;
  readonly timeout: string;
  readonly concurrency: string;
  readonly checks?: string;
  readonly report?: string;
  readonly strictContract?: boolean;
  readonly saveFailures?: string;
  readonly log?: string;
  readonly contract?: string;
  readonly operation?: string;
  readonly color?: boolean;
}

function writeReports(targets: ReportTargets, render: { json: () => string; junit: () => string }): void {
  for (const [kind, file] of Object.entries(targets)) writeFileSync(file, kind === 'json' ? render.json() : render.junit());
}

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

async function run(args: readonly unknown[], io: CliIo): Promise<number> {
  const flags = optionsOf<VerifyFlags>(args);
  const env = process.env;
  const usesBroker = flags.brokerUrl !== undefined || (flags.providerVersion !== undefined && env['PACT_BROKER_BASE_URL'] !== undefined);
  refuseIgnoredFlags(flags as unknown as Record<string, unknown>, usesBroker);
  const reports = parseReports(flags.report);
  if (flags.checks !== undefined && flags.checks.split(',').every((id) => id.trim() === '')) throw new ConfigurationError(`--checks needs at least one check id; valid ids: ${CHECK_IDS.join(', ')}`);
  const checks = selectChecks(flags.checks);
  const contract = await openContract(flags.contract, flags.operation);
  const broker = usesBroker ? brokerVerificationOptions(PROVIDER, flags, env) : undefined;
  const brokerSecrets = usesBroker ? secretsOf(brokerConfigFrom(flags, env).auth) : [];
  const seed = flags.seed === undefined ? randomSeed() : parseInteger(flags.seed, '--seed', -(2 ** 31), 2 ** 31 - 1);
  if (flags.path !== undefined) assertReplayPath(seed, flags.path);
  const runs = parseInteger(flags.runs, '--runs', 1, 1_000_000);
  const timeoutMs = parseInteger(flags.timeout, '--timeout', 1, 600_000);
  const concurrency = parseInteger(flags.concurrency, '--concurrency', 1, 256);
  const apiKey = flags.apiKey ?? env[API_KEY_ENV];
  let secrets: readonly string[] = [...brokerSecrets, ...(apiKey ? [apiKey] : [])];
  ensureWritable(Object.values(reports), flags.saveFailures);
  const log = openLog(flags.log, () => secrets);
  const pacts = flags.pacts !== undefined ? { dir: flags.pacts, shipped: false } : defaultPactsDir();
  if (pacts.shipped && !usesBroker) io.out(`No pacts/ in ${process.cwd()}: verifying the pacts shipped with stigg-contract (${pacts.dir})`);
  // The seed first, so a run cut short can still be replayed.
  io.err(`verify: seed ${seed}${flags.path ? `, replaying --path ${flags.path}` : ''} (replay any finding with --seed ${seed} --path <its path>)`);
  const controller = new AbortController();
  const stopListening = onStopSignal(() => controller.abort());
  const progress = createProgress(io.progress, { label: 'verify' });
  let result: VerifyResult;
  try {
    result = await verify(contract, {
      ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
      ...(apiKey ? { apiKey } : {}),
      ...(flags.stateUrl ? { stateUrl: flags.stateUrl } : {}),
      fixtures: flags.fixture,
      pactsDir: pacts.dir,
      ...(broker ? { broker } : {}),
      skipPacts: flags.path !== undefined,
      runs, seed, timeoutMs, concurrency,
      ...(flags.path ? { path: flags.path } : {}),
      checks: checks.map((check) => check.id),
      strictContract: flags.strictContract === true,
      signal: controller.signal,
    }, fanOut(progressListener(progress, { strictContract: flags.strictContract === true }), log.listener));
  } finally {
    stopListening();
    await log.close();
  }
  secrets = [...secrets, result.apiKey];
  const { report } = result;
  // Colour only on a terminal, unless --no-color or NO_COLOR (https://no-color.org) says otherwise.
  const color = io.isTty && flags.color !== false && !env['NO_COLOR'];
  io.out(formatConsole(report, { color, secrets }));
  if (result.pacts.ran === false) io.out(`Pact verification skipped: ${result.pacts.reason}`);
  if (result.embedded && report.findings.length > 0) io.out(`The curl commands target the embedded reference provider, which stopped with this run: start one with \`stigg-contract serve\` and set the URL, or verify with --base-url.`);
  for (const problem of [...result.setupProblems, ...result.teardownProblems]) io.err(`warning: ${problem}`);
  writeReports(reports, { json: () => formatJson(report, { secrets }), junit: () => formatJunit(report, { secrets }) });
  if (flags.saveFailures) io.out(`Regression tests: ${writeRegressionTests(report.findings.map((group) => group.finding), flags.saveFailures, result, contract).join(', ') || 'none (no failures)'}`);
  return controller.signal.aborted ? INTERRUPTED : exitCodeOf(report, { strictContract: flags.strictContract === true });
}

/** `stigg-contract verify`: pact verification plus property-based conformance against a provider. */
export const verifyCommand: CommandModule = {
  name: 'verify',
  define(command) {
    command
      .description('Verify a provider: the pacts (phase 1), then property-based conformance with every check (phase 2)')
      .option('--base-url <url>', 'provider base URL (default: start the bundled reference provider in-process)')
      .option('--api-key <key>', 'API key for the provider (default: STIGG_API_KEY; a random one for the embedded provider)')
      .option('--state-url <url>', 'provider-state change URL (POST {state, params, action}); enables pacts and data-dependent checks')
      .option('--fixture <customer/integration>', 'existing data to aim valid requests at (repeatable)', (value: string, all: string[]) => [...all, value], [])
      .option('--pacts <dir>', 'directory of pact files to verify (default: pacts/, else the pacts shipped with stigg-contract)')
      .option('--runs <n>', 'generated cases in phase 2', '200')
      .option('--seed <n>', 'fast-check seed (default: random, printed in the report)')
      .option('--path <path>', 'with --seed: replay exactly one phase 2 case (as printed in a finding)')
      .option('--timeout <ms>', 'per-request deadline', '5000')
      .option('--concurrency <n>', 'requests in flight in phase 2', '4')
      .option('--checks <ids>', `comma-separated checks to run (default: all): ${CHECKS.map((c) => c.id).join(', ')}`)
      .option('--report <targets>', 'write reports: junit=FILE,json=FILE')
      .option('--strict-contract', 'contract defects fail the run too')
      .option('--save-failures <dir>', 'write a ready-to-run mocha regression test per finding')
      .option('--log <file>', 'write an NDJSON traffic log (request, response, verdict per line; key redacted)')
      .option('--contract <file>', 'OpenAPI 3.0 document (default: the shipped Stigg contract)')
      .option('--operation <id>', 'operationId or "METHOD /path" when the document has several operations')
      .option('--no-color', 'no ANSI colours in the console report');
    for (const { flags, description } of BROKER_VERIFICATION_FLAGS) command.option(flags, description);
    return command.addHelpText('after', '\nThe seed is printed first (stderr); Ctrl+C stops sending, prints and writes the report so far, and exits 130.\nExit codes: 0 no violation, 1 violations (or contract defects with --strict-contract), 2 the run could not be done, 130 interrupted.');
  },
  run,
};

