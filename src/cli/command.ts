import type { Command } from 'commander';
import type { CliIo } from './io.js';

/**
 * One CLI command: `define` declares its arguments and options (with descriptions, for --help);
 * `run` receives commander's action arguments and returns the exit code (0 ok, 1 violations, 2 unusable).
 */
export interface CommandModule {
  readonly name: string;
  define(command: Command): Command;
  run(args: readonly unknown[], io: CliIo): Promise<number>;
}

/**
 * A command's run, loaded only when it runs: the module declaring the command (its flags and help) stays light, so
 * `<command> --help` starts as fast as `--help`, and what the run imports (Ajv, YAML, fast-check, Pact) loads after.
 */
export const runFrom = (load: () => Promise<{ run: CommandModule['run'] }>): CommandModule['run'] => async (args, io) => (await load()).run(args, io);

/** Commander passes positional arguments first, then the options object, then the Command itself. */
export function optionsOf<T>(args: readonly unknown[]): T {
  const command = args[args.length - 1] as Command;
  return command.opts<T & object>();
}
