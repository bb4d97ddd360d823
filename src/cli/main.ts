/** The stigg-contract CLI: parses argv, dispatches to one module per command, maps results to exit codes. */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { HarnessError } from '../errors.js';
import { processIo, type CliIo } from './io.js';
import type { CommandModule } from './command.js';
import { lintCommand } from './commands/lint.js';
import { validateCommand } from './commands/validate.js';
import { serveCommand } from './commands/serve.js';
import { publishCommand } from './commands/publish.js';
import { canIDeployCommand } from './commands/can-i-deploy.js';
import { recordDeploymentCommand } from './commands/record-deployment.js';
import { checkPactCommand } from './commands/check-pact.js';
import { sampleCommand } from './commands/sample.js';
import { verifyCommand } from './commands/verify.js';
import { mockCommand } from './commands/mock.js';

/** Every command, in the order `--help` lists them. */
const commands: readonly CommandModule[] = [
  lintCommand, validateCommand, sampleCommand, serveCommand, mockCommand, verifyCommand, checkPactCommand,
  publishCommand, canIDeployCommand, recordDeploymentCommand,
];

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Builds the program; each command's action stores its exit code in `result`. */
function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('stigg-contract')
    .description('Contract-testing harness for PATCH /api/v1/customers/{id}/integrations/{integrationId} (Stigg API)')
    .version(version)
    // Program options only before the command name: can-i-deploy and record-deployment have their own --version.
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const module of commands) {
    const command = module.define(program.command(module.name)).exitOverride();
    command.action(async (...args: unknown[]) => {
      result.code = await module.run(args, io);
    });
  }
  return program;
}

/** Runs the CLI on a full argv (node, script, ...args) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const result = { code: 0 };
  try {
    await buildProgram(io, result).parseAsync([...argv]);
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      return helpShown ? 0 : 2;
    }
    if (error instanceof HarnessError) {
      io.err(`stigg-contract: ${error.message}`);
      return error.exitCode;
    }
    io.err(`stigg-contract: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  }
}
