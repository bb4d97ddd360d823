/**
 * `stigg-contract mock`: the contract mock server for any client (see docs/mock.md), in three forms:
 * `mock` serves until SIGINT/SIGTERM; `mock -- <command>` runs a client's command against it and gives the CI
 * verdict; `mock report FILE` reads a `--log` file into the same report and exit code.
 */
import type { Command } from 'commander';
import { ConfigurationError } from '../../errors.js';
import { DEFAULT_MOCK_SEED, loadPactResponder, startMockServer, type MockServer, type MockServerOptions, type PactResponder } from '../../runners/mock/index.js';
import { openContract } from '../../validators/index.js';
import { nextStopSignal } from '../signals.js';
import { parseInteger } from '../flags.js';
import { optionsOf, type CommandModule } from '../command.js';
import type { CliIo } from '../io.js';
import { clientMode, reportMode, type ReportFlags } from './mock-run.js';

interface MockFlags extends ReportFlags {
  readonly port: string;
  readonly host: string;
  readonly seed: string;
  readonly pacts?: string;
  readonly log?: string;
  readonly contract?: string;
  readonly operation?: string;
  readonly drill?: string;
  readonly contractNext?: string;
}

const HELP = `
Every request is validated against the contract and logged (--log: one JSON line per request, API keys redacted).
Valid requests get a schema-valid 200, coherent with the request, from a covering schedule (the first 12 successes
serve every vendorIdentifier and every syncData shape), or with --pacts the matching pact interaction's response.
Without a key: 401; invalid: 400 naming each issue; another route or method: 404. Any non-empty X-API-KEY is
accepted. Ask for a documented status with "Prefer: code=404" (optionally "example=IntegrationNotFound").
With --contract-next FILE, successes 1, 3, 5, ... also serve each value only that next version allows (an enum
value, a oneOf branch, an optional property it adds, as \`diff\` finds them), one each, and the client report says
which the client met and whether its run still passed. Requests are still held to --contract.

CI, in one step:   stigg-contract mock [--seed S] [--drill 0.2] [--log mock.log] -- npm test
  runs the command with STIGG_BASE_URL set to the mock, then prints the client report (problems, coverage).
A saved log:       stigg-contract mock report mock.log
Exit codes: 0 stopped by a signal, or the client passed; 1 a request broke the contract or addressed no documented
operation, or the client's command failed; 2 could not run (bad flag, port in use, unusable pacts or log file).`;

/** The drift line of the start-up text: what the successes serve ahead of the next version. */
function driftLine(server: MockServer): string[] {
  const { drift } = server;
  if (drift === undefined) return [];
  const values = drift.values.length === 0 ? 'none (the next version adds no value a success answer can carry)' : drift.values.map((value) => value.label).join(', ');
  return [`  drift:      values only ${drift.next} allows, at successes 1, 3, 5, ...: ${values}`];
}

function describe(server: MockServer, flags: MockFlags, pacts: PactResponder | undefined, template: string): string {
  const served = pacts ? `${pacts.entries.length} pact interaction(s) from ${flags.pacts}, else generated from the contract` : 'generated from the contract';
  return [
    `Contract mock server listening on ${server.url}`,
    `  operation:  ${server.url}${template}`,
    `  responses:  ${served}${flags.drill ? `; error drills on ${flags.drill} of valid requests` : ''}`,
    ...driftLine(server),
    `  seed:       ${server.seed} (the same seed and request order replay the same responses)`,
    `  log:        ${flags.log ?? 'none (add --log FILE for one JSON line per request)'}`,
    '  API key:    every non-empty X-API-KEY is accepted',
    'Stop with Ctrl+C (SIGINT) or SIGTERM.',
  ].join('\n');
}

/** Which form was asked for: `--` followed by a command, `report FILE`, or neither (serve). */
function modeOf(operands: readonly string[], command: Command): { client: readonly string[] } | { report: string } | { serve: true } {
  // Commander drops the `--` itself; the program's rawArgs (set by parse, untyped) still show whether it was given.
  const raw = (command.parent as (Command & { rawArgs?: readonly string[] }) | null)?.rawArgs ?? [];
  const dashed = raw.indexOf('--', Math.max(0, raw.indexOf(command.name()))) !== -1;
  if (dashed) return { client: operands };
  if (operands[0] === 'report' && operands.length === 2) return { report: operands[1] as string };
  if (operands.length > 0) {
    throw new ConfigurationError(`unexpected ${JSON.stringify(operands.join(' '))}: put the client's command after --, e.g. "stigg-contract mock -- npm test", or read a log with "stigg-contract mock report mock.log"`);
  }
  return { serve: true };
}

async function serverOptions(flags: MockFlags, io: CliIo): Promise<MockServerOptions> {
  const port = parseInteger(flags.port, '--port', 0, 65535);
  const seed = parseInteger(flags.seed, '--seed', -(2 ** 31), 2 ** 31 - 1);
  const drill = flags.drill === undefined ? 0 : Number(flags.drill);
  if (!(drill >= 0 && drill <= 1) || flags.drill?.trim() === '') throw new ConfigurationError(`--drill must be a fraction from 0 to 1, got ${JSON.stringify(flags.drill)}`);
  if (flags.host.trim() === '') throw new ConfigurationError('--host must not be empty');
  const contract = await openContract(flags.contract, flags.operation);
  const next = flags.contractNext === undefined ? undefined : await openContract(flags.contractNext, flags.operation);
  const pacts = flags.pacts === undefined ? undefined : await loadPactResponder(flags.pacts, contract);
  for (const warning of pacts?.warnings ?? []) io.err(`warning: ${warning}`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(flags.host)) io.err(`warning: binding ${flags.host}, not loopback: anyone who can reach it can use the mock`);
  return { contract, port, host: flags.host, seed, drill, ...(next === undefined ? {} : { next }), ...(pacts === undefined ? {} : { pacts }), ...(flags.log === undefined ? {} : { logFile: flags.log }) };
}

async function serveMode(options: MockServerOptions, flags: MockFlags, io: CliIo): Promise<number> {
  const server = await startMockServer(options);
  const stopped = nextStopSignal();
  io.out(describe(server, flags, options.pacts, options.contract.operation.pathTemplate));
  const signal = await stopped;
  await server.close();
  io.err(`stopped on ${signal} after ${server.requests} request(s)`);
  return 0;
}

/** `stigg-contract mock`. */
export const mockCommand: CommandModule = {
  name: 'mock',
  define: (command) => command
    .description('Contract mock server for clients: validates each request, answers with schema-valid responses covering every shape; with -- <command>, a CI verdict on a client')
    .argument('[command...]', 'after --: the client\'s command to run against the mock; or "report FILE" to read a --log file')
    .option('--port <port>', 'port to listen on; 0 picks a free one', '0')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--seed <seed>', 'run seed: the same seed and request order give the same responses', String(DEFAULT_MOCK_SEED))
    .option('--pacts <dir>', 'answer from the matching interactions of these pact files (a directory of *.json, or one file)')
    .option('--log <file>', 'append one JSON line per request (verdict, issues, response) to this file')
    .option('--drill <fraction>', 'answer this fraction (0..1) of valid requests with documented errors in turn: 429, 404 (each code), 403, 401')
    .option('--record-pact <dir>', 'with a client command: write a Pact V4 file of its valid exchanges here (one interaction per behaviour)')
    .option('--consumer <name>', 'with --record-pact: the consumer the pact is for')
    .option('--strict-contract', 'requests only the contract\'s own defects reject fail the client run too')
    .option('--report <targets>', 'with a client command or "report": also write the report: junit=FILE,json=FILE')
    .option('--contract <file>', 'OpenAPI 3.0 document (default: the shipped Stigg contract)')
    .option('--operation <id>', 'operationId or "METHOD /path" when the document has several operations')
    .option('--contract-next <file>', 'the next version of the contract: successes also serve the values only it allows, and the report says which the client met')
    .addHelpText('after', HELP),
  async run(args: readonly unknown[], io: CliIo): Promise<number> {
    const flags = optionsOf<MockFlags>(args);
    const mode = modeOf((args[0] ?? []) as string[], args[args.length - 1] as Command);
    if ('serve' in mode && (flags.recordPact !== undefined || flags.consumer !== undefined)) throw new ConfigurationError('--record-pact records a client\'s run: stigg-contract mock --record-pact DIR --consumer NAME -- <command>');
    if ('report' in mode) {
      const contract = await openContract(flags.contract, flags.operation);
      const next = flags.contractNext === undefined ? undefined : await openContract(flags.contractNext, flags.operation);
      return reportMode(mode.report, contract, flags, io, next);
    }
    const options = await serverOptions(flags, io);
    return 'client' in mode ? clientMode(mode.client, options, flags, io) : serveMode(options, flags, io);
  },
};
