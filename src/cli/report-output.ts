/**
 * `--report junit=FILE,json=FILE`, the same for every command that gives a verdict: targets parsed and checked
 * writable before the run, then each written by the report layer's one JSON and one JUnit writer.
 */
import { writeFileSync } from 'node:fs';
import { ConfigurationError } from '../errors.js';
import { formatJson, formatJunit, type Report } from '../report/index.js';
import { ensureWritable } from './writable.js';

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

/** Parses `--report` and checks every target writable, before anything runs. */
export function reportTargets(value: string | undefined): ReportTargets {
  const targets = parseReports(value);
  ensureWritable(Object.values(targets), undefined);
  return targets;
}

/** Writes the report to each target, secrets redacted. */
export function writeReports(targets: ReportTargets, report: Report, secrets: readonly string[] = []): void {
  if (targets.json) writeFileSync(targets.json, formatJson(report, { secrets }));
  if (targets.junit) writeFileSync(targets.junit, formatJunit(report, { secrets }));
}
