/** `stigg-contract mock`: the contract mock server for any client, until SIGINT or SIGTERM (see docs/mock.md). */
import { ConfigurationError } from '../../errors.js';
import { DEFAULT_MOCK_SEED, loadPactResponder, startMockServer, type MockServer, type PactResponder } from '../../runners/mock/index.js';
import { openContract } from '../../validators/index.js';
import { nextStopSignal } from '../signals.js';
import { parseInteger } from '../flags.js';
import { optionsOf, type CommandModule } from '../command.js';
import type { CliIo } from '../io.js';

interface MockFlags {
  readonly port: string;
  readonly host: string;
  readonly seed: string;
  readonly pacts?: string;
  readonly log?: string;
  readonly contract?: string;
  readonly operation?: string;
}

const HELP = `
Every request is validated against the contract and logged (--log: one JSON line per request, API keys redacted).
Valid requests get a schema-valid generated response (200, coherent with the request), or with --pacts the
response of the matching pact interaction. Without a key: 401; invalid: 400 naming each issue; another route: 404.
Any non-empty X-API-KEY is accepted. Ask for a documented status with "Prefer: code=404" (optionally
"example=IntegrationNotFound" to pin the error code). Request n is answered with a seed derived from --seed and n.
CI recipe: jq -e -s 'map(select(.verdict=="violation")) | length == 0' mock.log. See docs/mock.md.
Exit codes: 0 stopped by SIGINT/SIGTERM, 2 could not start (bad flag, port in use, unusable pacts or log file).`;



function describe(server: MockServer, flags: MockFlags, pacts: PactResponder | undefined, template: string): string {
  const served = pacts ? `${pacts.entries.length} pact interaction(s) from ${flags.pacts}, else generated from the contract` : 'generated from the contract';
  return [
    `Contract mock server listening on ${server.url}`,
    `  operation:  ${server.url}${template}`,
    `  responses:  ${served}`,
    `  seed:       ${server.seed} (the same seed and request order replay the same responses)`,
    `  log:        ${flags.log ?? 'none (add --log FILE for one JSON line per request)'}`,
    '  API key:    every non-empty X-API-KEY is accepted',
    'Stop with Ctrl+C (SIGINT) or SIGTERM.',
  ].join('\n');
}

/** `stigg-contract mock`. */
export const mockCommand: CommandModule = {
  name: 'mock',
  define: (command) => command
    .description('Contract mock server for clients: validates each request, answers valid ones with schema-valid responses, logs every exchange')
    .option('--port <port>', 'port to listen on; 0 picks a free one', '0')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--seed <seed>', 'run seed: the same seed and request order give the same responses', String(DEFAULT_MOCK_SEED))
    .option('--pacts <dir>', 'answer from the matching interactions of these pact files (a directory of *.json, or one file)')
    .option('--log <file>', 'append one JSON line per request (verdict, issues, response) to this file')
    .option('--contract <file>', 'OpenAPI 3.0 document (default: the shipped Stigg contract)')
    .option('--operation <id>', 'operationId or "METHOD /path" when the document has several operations')
    .addHelpText('after', HELP),
  async run(args: readonly unknown[], io: CliIo): Promise<number> {
    const flags = optionsOf<MockFlags>(args);
    const port = parseInteger(flags.port, '--port', 0, 65535);
    const seed = parseInteger(flags.seed, '--seed', -(2 ** 31), 2 ** 31 - 1);
    if (flags.host.trim() === '') throw new ConfigurationError('--host must not be empty');
    const contract = await openContract(flags.contract, flags.operation);
    const pacts = flags.pacts === undefined ? undefined : await loadPactResponder(flags.pacts, contract);
    for (const warning of pacts?.warnings ?? []) io.err(`warning: ${warning}`);
    if (!['127.0.0.1', 'localhost', '::1'].includes(flags.host)) io.err(`warning: binding ${flags.host}, not loopback: anyone who can reach it can use the mock`);
    const server = await startMockServer({
      contract, port, host: flags.host, seed,
      ...(pacts === undefined ? {} : { pacts }), ...(flags.log === undefined ? {} : { logFile: flags.log }),
    });
    const stopped = nextStopSignal();
    io.out(describe(server, flags, pacts, contract.operation.pathTemplate));
    const signal = await stopped;
    await server.close();
    io.err(`stopped on ${signal} after ${server.requests} request(s)`);
    return 0;
  },
};
