/** Parsing verify's flag values: numbers within bounds, report targets, the default seed. */
import { randomInt } from 'node:crypto';
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

/** A fresh seed when none is given: printed in the report, so any run can be replayed. */
export const randomSeed = (): number => randomInt(0, 2 ** 31 - 1);
