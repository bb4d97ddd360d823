/** `--report junit=FILE,json=FILE` read into targets: apart from the writers, so a command's flags load without them. */
import { ConfigurationError } from '../errors.js';

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
    if (targets[kind] !== undefined) throw new ConfigurationError(`--report names ${kind} twice (${targets[kind]} and ${file}): one file per kind`);
    targets[kind] = file;
  }
  return targets;
}
