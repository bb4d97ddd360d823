/**
 * One report from several (`stigg-contract report merge`): the reports of the shards of a split run, or of runs with
 * other seeds. Findings are deduplicated by check and signature (counts add up, the smallest request stays the
 * exemplar), check tallies and coverage add up, phases add up by name, and the seeds and shards are listed. A shard
 * of a split run that is missing makes the merge a run that could not be done (exit 2): part of a run is no verdict.
 */
import { ConfigurationError } from '../errors.js';
import { orderGroups, requestSize } from './builder.js';
import { findingSignature, isExchangeFinding, mergeCoverage } from './model.js';
import { mergeMeta } from './merge-meta.js';
import type { FindingKind } from '../checks/types.js';
import type { PhaseOutcome } from '../events/index.js';
import type { CheckSummary, FindingGroup, Report, ReportFinding } from './types.js';

const size = (finding: ReportFinding): number => (isExchangeFinding(finding) ? requestSize(finding.request) : 0);

/** Finding groups joined by check and signature. */
function mergeFindings(reports: readonly Report[], ids: readonly string[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const group of reports.flatMap((report) => report.findings)) {
    const signature = group.signature ?? findingSignature(group);
    const known = groups.get(signature);
    if (!known) {
      groups.set(signature, { ...group, signature });
      continue;
    }
    const confirmed = known.confirmed || group.confirmed
      ? { reproduced: (known.confirmed?.reproduced ?? 0) + (group.confirmed?.reproduced ?? 0), of: (known.confirmed?.of ?? 0) + (group.confirmed?.of ?? 0) }
      : undefined;
    const finding = size(group.finding) < size(known.finding) ? group.finding : known.finding;
    groups.set(signature, { ...known, count: known.count + group.count, finding, ...(confirmed ? { confirmed } : {}) });
  }
  return orderGroups([...groups.values()], ids);
}

/** Check tallies added up, in the order the first report lists them (checks only later reports ran come last). */
function mergeChecks(reports: readonly Report[]): CheckSummary[] {
  const checks = new Map<string, CheckSummary>();
  for (const check of reports.flatMap((report) => report.checks)) {
    const known = checks.get(check.id);
    if (!known) {
      checks.set(check.id, check);
      continue;
    }
    const reasons = new Map(known.skipReasons.map(({ reason, count }) => [reason, count]));
    for (const { reason, count } of check.skipReasons) reasons.set(reason, (reasons.get(reason) ?? 0) + count);
    const findings = Object.fromEntries((Object.keys(known.findings) as FindingKind[]).map((kind) => [kind, known.findings[kind] + (check.findings[kind] ?? 0)])) as Record<FindingKind, number>;
    checks.set(check.id, {
      ...known, passed: known.passed + check.passed, failed: known.failed + check.failed, skipped: known.skipped + check.skipped, notApplicable: known.notApplicable + check.notApplicable,
      skipReasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)), findings,
    });
  }
  return [...checks.values()];
}

/** Phases by name in the order first met: sent cases add up; a phase skipped everywhere keeps the first reason. */
function mergePhases(reports: readonly Report[]): PhaseOutcome[] | undefined {
  const all = reports.flatMap((report) => report.phases ?? []);
  if (all.length === 0) return undefined;
  const phases = new Map<string, PhaseOutcome>();
  for (const outcome of all) {
    const known = phases.get(outcome.phase);
    if (!known || (!known.ran && outcome.ran)) phases.set(outcome.phase, outcome);
    else if (known.ran && outcome.ran) phases.set(outcome.phase, { ...known, cases: known.cases + outcome.cases });
  }
  return [...phases.values()];
}

/** Merges reports of one kind and operation into one; anything else is a ConfigurationError (exit 2). */
export function mergeReports(reports: readonly Report[], names: readonly string[] = reports.map((_, index) => `report ${index + 1}`)): Report {
  const [first] = reports;
  if (!first) throw new ConfigurationError('report merge needs at least one JSON report');
  for (const [index, report] of reports.entries()) {
    if (report.kind !== first.kind) throw new ConfigurationError(`${names[index]} is a ${report.kind} report and ${names[0]} a ${first.kind} report: only reports of one kind merge`);
    if (report.meta.operation !== first.meta.operation) throw new ConfigurationError(`${names[index]} is about ${report.meta.operation}, ${names[0]} about ${first.meta.operation}`);
  }
  const checks = mergeChecks(reports);
  const findings = mergeFindings(reports, checks.map((check) => check.id));
  const count = (kind: FindingKind): number => findings.filter((group) => group.kind === kind).reduce((sum, group) => sum + group.count, 0);
  const { meta, aborted } = mergeMeta(reports, names);
  const phases = mergePhases(reports);
  const failureReplays = reports.flatMap((report) => report.failureReplays ?? []);
  const problems = reports.flatMap((report) => report.problems ?? []);
  return {
    kind: first.kind,
    meta,
    totals: {
      exchanges: reports.reduce((sum, report) => sum + report.totals.exchanges, 0),
      violations: count('violation'),
      contractDefects: count('contract-defect'),
      warnings: count('warning'),
      contractDrift: count('contract-drift'),
      pactFailures: reports.reduce((sum, report) => sum + report.totals.pactFailures, 0),
      // Every report counts what it judged, or none does (reports written before it was counted).
      ...(reports.every((report) => report.totals.judged !== undefined) ? { judged: reports.reduce((sum, report) => sum + (report.totals.judged ?? 0), 0) } : {}),
    },
    checks,
    findings,
    pacts: reports.flatMap((report) => report.pacts),
    ...(phases ? { phases } : {}),
    ...(failureReplays.length > 0 ? { failureReplays } : {}),
    coverage: mergeCoverage(reports.map((report) => report.coverage)),
    ...(aborted ? { aborted } : {}),
    ...(problems.length > 0 ? { problems } : {}),
  };
}
