/**
 * Reading a JSON report back into the model (what `report merge` and any tool reading our reports start from): the
 * same data formatJson wrote, checked field by field; a file that is not a report is a ConfigurationError naming what
 * is missing. Reports written before `kind` and coverage lines existed (verify's) are read too.
 */
import { ConfigurationError } from '../errors.js';
import { isJsonObject } from '../contract/json.js';
import { FINDING_KINDS } from '../checks/types.js';
import type { Coverage, CoverageLine, Report, ReportKind } from './types.js';

const KINDS: readonly ReportKind[] = ['verify', 'mock', 'check-pact', 'lint'];

type Json = Record<string, unknown>;
const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

function need(ok: boolean, what: string): asserts ok {
  if (!ok) throw new ConfigurationError(`not a stigg-contract report: ${what}`);
}

/** Verify's coverage before it was a list of lines: statuses, error codes, enums, branches, invalid tags, edge classes. */
function legacyCoverage(coverage: Json): Coverage {
  const line = (name: string, tally: unknown): CoverageLine[] => (isJsonObject(tally) ? [{ ...(tally as unknown as CoverageLine), name }] : []);
  const each = (list: unknown, name: (item: Json) => string): CoverageLine[] => (Array.isArray(list) ? list.filter(isJsonObject).flatMap((item) => line(name(item), item)) : []);
  return [
    ...line('statuses', coverage['statuses']),
    ...each(coverage['errorCodes'], (item) => `${String(item['status'])} codes`),
    ...each(coverage['enums'], (item) => String(item['pointer'])),
    ...each(coverage['branches'], (item) => `${String(item['pointer'])} branches`),
    ...line('invalid-input tags', coverage['invalidTags']),
    ...line('edge classes', coverage['edgeClasses']),
  ].map(({ pointer: _pointer, status: _status, ...rest }: CoverageLine & { pointer?: unknown; status?: unknown }) => rest);
}

function coverageOf(value: unknown): Coverage {
  const lines = isJsonObject(value) ? legacyCoverage(value) : value;
  need(Array.isArray(lines), 'coverage is not a list of lines');
  for (const line of lines as unknown[]) {
    need(isJsonObject(line) && typeof line['name'] === 'string' && Array.isArray(line['seen']) && Array.isArray(line['notCovered']), 'a coverage line lacks its name, seen or notCovered');
    need((line['seen'] as unknown[]).every((count) => isJsonObject(count) && typeof count['value'] === 'string' && isCount(count['count'])), `coverage line ${String(line['name'])} has a malformed count`);
  }
  return lines as Coverage;
}

/** Parses a JSON report (formatJson's output) back into a Report; anything else is a ConfigurationError. */
export function parseReport(text: string): Report {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`not a stigg-contract report: not JSON (${(error as Error).message})`);
  }
  need(isJsonObject(value), 'not a JSON object');
  const report = value as Json;
  const kind = report['kind'] ?? 'verify';
  need(KINDS.includes(kind as ReportKind), `unknown kind ${JSON.stringify(kind)}`);
  const meta = report['meta'];
  need(isJsonObject(meta) && typeof meta['operation'] === 'string' && typeof meta['contractFile'] === 'string' && typeof meta['strictContract'] === 'boolean', 'meta lacks operation, contractFile or strictContract');
  const totals = report['totals'];
  need(isJsonObject(totals) && ['exchanges', 'violations', 'contractDefects', 'warnings', 'pactFailures'].every((name) => isCount(totals[name])), 'totals lack a count');
  for (const name of ['checks', 'findings', 'pacts']) need(Array.isArray(report[name]), `${name} is not a list`);
  for (const check of report['checks'] as unknown[]) need(isJsonObject(check) && typeof check['id'] === 'string' && isCount(check['passed']) && isCount(check['failed']), 'a check lacks its id or counts');
  for (const group of report['findings'] as unknown[]) {
    need(isJsonObject(group) && typeof group['check'] === 'string' && (FINDING_KINDS as readonly string[]).includes(String(group['kind'])) && typeof group['shape'] === 'string' && isCount(group['count']), 'a finding group lacks its check, kind, shape or count');
    need(isJsonObject(group['finding']) && typeof group['finding']['message'] === 'string', 'a finding lacks its message');
  }
  // Reports written before contract drift was told apart have no count of it: none was found.
  const drift = (totals as Json)['contractDrift'];
  const counted = { ...(totals as unknown as Report['totals']), contractDrift: isCount(drift) ? (drift as number) : 0 };
  return { ...(report as unknown as Report), kind: kind as ReportKind, totals: counted, coverage: coverageOf(report['coverage']) };
}
