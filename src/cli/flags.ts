/**
 * Flags from tables: a command lists one row per option it takes (Vitest's `cli-config.ts` is the model), typed by
 * the options object the row fills, and the command's flags, their help and their parsing all come from the rows,
 * so a flag, its default and its library option cannot drift apart. Also the one wording of every "bad value" error,
 * and of --operation.
 */
import { Option, type Command } from 'commander';
import { DEFAULT_OPERATION } from '../contract/select.js';
import { ConfigurationError } from '../errors.js';
import { formatDuration } from '../report/duration.js';

/** An integer flag within [min, max], or a ConfigurationError naming the flag and the range. */
export function parseInteger(value: string, flag: string, min: number, max: number): number {
  const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) throw new ConfigurationError(`${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return parsed;
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration flag (`90s`, `10m`, `2h`, `500ms`; a bare number is milliseconds) in ms within [min, max] ms. */
export function parseDuration(value: string, flag: string, min: number, max: number): number {
  const found = /^(\d{1,12})(ms|s|m|h)?$/.exec(value.trim());
  const ms = found ? Number(found[1]) * (UNIT_MS[found[2] ?? 'ms'] ?? 1) : Number.NaN;
  if (!Number.isSafeInteger(ms) || ms < min || ms > max) throw new ConfigurationError(`${flag} must be a duration such as 90s, 10m or 2h (a bare number is ms), from ${formatDuration(min)} to ${formatDuration(max)}; got ${JSON.stringify(value)}`);
  return ms;
}

export { formatDuration };

/** One flag, typed by the value of the option it sets. */
export interface Flag<T> {
  /** Commander's syntax: `--runs <n>`, `--strict-contract`, `--no-color`. */
  readonly flags: string;
  readonly description: string;
  /** Reads the flag's text into the option's value (a ConfigurationError naming the flag when it cannot); absent for a switch. */
  readonly parse?: (value: string, flag: string) => T;
  /** Each use adds a value (`--fixture a --fixture b`); the option gets the list. */
  readonly repeatable?: true;
  /** The default as `--help` shows it: the library's own value, rendered (never a second copy of it). */
  readonly shownDefault?: string;
  /** The `--no-…` form's description, for a flag that can also be turned off (the option is then `false`). */
  readonly negation?: string;
}

/**
 * One row per option: a flag, or `null` for an option the CLI does not offer. Every option of `O` must have its row,
 * so a new library option is a compile error until someone decides whether it is a flag.
 */
export type FlagTable<O> = { readonly [K in keyof Required<O>]: Flag<Exclude<O[K], undefined>> | null };

/** The long flag of a row as typed (`--runs`), for messages. */
export const flagName = (row: Flag<unknown>): string => row.flags.split(/[ ,]/).find((part) => part.startsWith('--')) ?? row.flags;

/** Declares every row of the table on the command, each with its description and shown default. */
export function defineFlags<O>(command: Command, table: FlagTable<O>): Command {
  for (const row of Object.values(table) as (Flag<unknown> | null)[]) {
    if (row === null) continue;
    const option = new Option(row.flags, row.shownDefault === undefined ? row.description : `${row.description} (default: ${row.shownDefault})`);
    if (row.repeatable) option.argParser((value: string, all: string[] | undefined) => [...(all ?? []), value]);
    command.addOption(option);
    if (row.negation !== undefined) command.addOption(new Option(`--no-${new Option(row.flags).name()}`, row.negation));
  }
  return command;
}

/** The options the parsed flags set: each row's value parsed, rows not given left out (the library defaults them). */
export function readFlags<O>(table: FlagTable<O>, given: Readonly<Record<string, unknown>>): Partial<O> {
  const options: Record<string, unknown> = {};
  for (const [key, row] of Object.entries(table) as [string, Flag<unknown> | null][]) {
    if (row === null) continue;
    const value = given[new Option(row.flags).attributeName()];
    if (value === undefined) continue;
    options[key] = typeof value === 'string' && row.parse ? row.parse(value, flagName(row)) : value;
  }
  return options as Partial<O>;
}

/** The help of every `--operation` flag: one wording, with the default every zero-config entry point uses. */
export const OPERATION_HELP = `operationId or "METHOD /path" (default: ${DEFAULT_OPERATION}, else the document's only operation)`;
