/** Checking verify's flags before anything runs: report targets, flags that would be ignored, writable outputs. */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigurationError } from '../../errors.js';

export { parseInteger } from '../flags.js';

/** Report kind → file. */
export type ReportTargets = Partial<Record<'junit' | 'json', string>>;

/** `junit=FILE,json=FILE` → targets; an unknown kind or a missing file is a ConfigurationError. */
export function parseReports(value: string | undefined): ReportTargets {
  const targets: ReportTargets = {};
  for (const part of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, file] = [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)];
    if ((kind !== 'junit' && kind !== 'json') || !part.includes('=') || file === '') {
      throw new ConfigurationError(`--report takes junit=FILE and/or json=FILE, comma-separated; got ${JSON.stringify(part)}`);
    }
    targets[kind] = file;
  }
  return targets;
}

/** Flags that only mean something with a broker, by their commander names and as typed. */
const BROKER_ONLY = [['publishResults', '--publish-results'], ['consumerVersionSelectors', '--consumer-version-selectors'], ['enablePending', '--enable-pending'], ['includeWipPactsSince', '--include-wip-pacts-since'], ['providerBranch', '--provider-branch'], ['providerVersion', '--provider-version']] as const;

/** Refuses flags that would otherwise be silently ignored: a broker's without a broker, `--path` without `--seed`. */
export function refuseIgnoredFlags(flags: Readonly<Record<string, unknown>>, usesBroker: boolean): void {
  if (!usesBroker) {
    const given = BROKER_ONLY.filter(([name]) => flags[name] !== undefined && flags[name] !== false).map(([, typed]) => typed);
    if (given.length > 0) throw new ConfigurationError(`${given.join(', ')} ${given.length > 1 ? 'need' : 'needs'} a broker: --broker-url (or PACT_BROKER_BASE_URL with --provider-version)`);
  }
  if (flags['path'] !== undefined && flags['seed'] === undefined) throw new ConfigurationError('--path replays a case of one seeded run: give that run\'s --seed too');
}

/** The files and folder a run will write, each checked writable before the first request (not after the run). */
export function ensureWritable(files: readonly string[], dir: string | undefined): void {
  const check = (path: string, what: string): void => {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      throw new ConfigurationError(`cannot write ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  };
  for (const file of files) {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (error) {
      throw new ConfigurationError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (existsSync(file) && statSync(file).isDirectory()) throw new ConfigurationError(`cannot write ${file}: it is a directory`);
    check(existsSync(file) ? file : dirname(file), existsSync(file) ? 'to' : 'into the folder of');
  }
  if (dir === undefined) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new ConfigurationError(`cannot write regression tests into ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  check(dir, 'regression tests into');
}
