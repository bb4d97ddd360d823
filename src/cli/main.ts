/** The stigg-contract CLI: parses argv, dispatches to one module per command, maps results to exit codes. */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { isHarnessError } from '../errors.js';
import { COMMANDS, commandNamed } from './command-catalogue.js';
import { processIo, terminalSafeIo, type CliIo } from './io.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * Builds the program: the command argv names is loaded and defined in full (its action stores the exit code in
 * `result`); every other command is only listed, by name and summary, for the top-level help.
 */
async function buildProgram(args: readonly string[], io: CliIo, result: { code: number }): Promise<Command> {
  const program = new Command('stigg-contract')
    .description('Contract-testing harness for PATCH /api/v1/customers/{id}/integrations/{integrationId} (Stigg API)')
    .version(version)
    // Program options only before the command name: can-i-deploy and record-deployment have their own --version.
    .enablePositionalOptions()
    .exitOverride()
    // Usage errors are one line, like every other error, with the way to the help on it.
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: (s, write) => write(`stigg-contract: ${s.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (run with --help for usage)\n`) });
  const wanted = commandNamed(args);
  for (const entry of COMMANDS) {
    if (entry !== wanted) {
      program.command(entry.name).description(entry.summary);
      continue;
    }
    const module = await entry.load();
    const command = module.define(program.command(module.name)).exitOverride();
    command.action(async (...actionArgs: unknown[]) => {
      result.code = await module.run(actionArgs, io);
    });
  }
  return program;
}

/** Runs the CLI on a full argv (node, script, ...args) and returns the exit code. */
export async function runCli(argv: readonly string[], raw: CliIo = processIo): Promise<number> {
  // Whatever a command prints can quote a provider, a file or an error: no control character reaches the terminal.
  const io = terminalSafeIo(raw);
  const result = { code: 0 };
  try {
    const program = await buildProgram(argv.slice(2), io, result);
    await program.parseAsync([...argv]);
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      return helpShown ? 0 : 2;
    }
    if (isHarnessError(error)) {
      io.err(`stigg-contract: ${error.message}`);
      return error.exitCode;
    }
    // A defect of the harness: one line, and the stack only when asked for (STIGG_CONTRACT_DEBUG=1).
    const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    io.err(`stigg-contract: internal error: ${message} (please report it; STIGG_CONTRACT_DEBUG=1 prints the stack)`);
    if (process.env['STIGG_CONTRACT_DEBUG'] === '1' && error instanceof Error && error.stack) io.err(error.stack);
    return 2;
  }
}
