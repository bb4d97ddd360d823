/**
 * `--report junit=FILE,json=FILE`, the same for every command that gives a verdict: targets parsed and checked
 * writable before the run, then each written by the report layer's one JSON and one JUnit writer.
 */
import { writeFileSync } from 'node:fs';
import { ConfigurationError } from '../errors.js';
import { formatJson, formatJunit, type Report } from '../report/index.js';
import { parseReports, type ReportTargets } from './report-targets.js';
import { ensureWritable, refuseSharedPaths } from './writable.js';

export type { ReportTargets } from './report-targets.js';

/** Parses `--report` and checks every target writable (and none at the path of the command's `log`), before anything runs. */
export function reportTargets(value: string | undefined, log?: string): ReportTargets {
  const targets = parseReports(value);
  ensureWritable(Object.values(targets), undefined);
  if (log !== undefined) refuseSharedPaths([...Object.values(targets), log]);
  return targets;
}

/** Writes the report to each target, secrets redacted; a write that fails after all (a full disk) is exit 2, named. */
export function writeReports(targets: ReportTargets, report: Report, secrets: readonly string[] = []): void {
  const write = (file: string, text: string): void => {
    try {
      writeFileSync(file, text);
    } catch (error) {
      throw new ConfigurationError(`could not write the report ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
    }
  };
  if (targets.json) write(targets.json, formatJson(report, { secrets }));
  if (targets.junit) write(targets.junit, formatJunit(report, { secrets }));
}
