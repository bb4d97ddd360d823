/** The console formatter: a summary table per check, findings with expected/actual/curl/replay, pacts, coverage. */
import { failsRun } from '../checks/finding.js';
import { FINDING_KINDS, type FindingKind } from '../checks/types.js';
import { EXIT_CODES, exitCodeOf } from './exit-code.js';
import { nextLine, pactSection, type Paint } from './console-contract.js';
import { isExchangeFinding, versionText } from './model.js';
import { redactReport } from './redact.js';
import { scrubValues } from '../secrets.js';
import { escapeControls } from './terminal.js';
import { campaignHeader, confirmationLabel, failureReplayLines } from './campaign-lines.js';
import { incompleteLine, incompleteness, problemLines } from './completeness.js';
import type { CheckSummary, Coverage, FindingGroup, Report, ReportFinding, Tally } from './types.js';

/** How to render: ANSI colours only when the output is a TTY; secrets are redacted from everything. */
export interface ConsoleOptions {
  readonly color?: boolean;
  readonly secrets?: readonly string[];
  /** At most this many finding groups are printed in full (default 50). */
  readonly maxGroups?: number;
}

const LIST_MAX = 8;

function list(values: readonly string[]): string {
  const head = values.slice(0, LIST_MAX).join(', ');
  return values.length > LIST_MAX ? `${head}, … (${values.length - LIST_MAX} more)` : head;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function header(report: Report): string[] {
  const { meta, totals } = report;
  const parts = [`contract ${versionText(meta.contractTitle, meta.contractVersion, meta.contractFile)}`, ...(meta.baseUrl === undefined ? [] : [`base URL ${meta.baseUrl}`])];
  if (meta.seed !== undefined) parts.push(`seed ${meta.seed}`);
  // A stopped run did not run what it asked for: the header says so, beside the count of what it sent.
  if (meta.runs !== undefined) parts.push(`${meta.runs} runs${meta.stopped ? ' asked' : ''}`);
  parts.push(`${totals.exchanges} ${meta.unit ?? 'exchange'}${totals.exchanges === 1 ? '' : 's'}`, ...(meta.durationMs === undefined ? [] : [seconds(meta.durationMs)]));
  if (meta.rateLimitWaitMs !== undefined) parts.push(`${seconds(meta.rateLimitWaitMs)} of it waiting as 429 Retry-After said${meta.waitBudgetMs === undefined ? '' : ` (of a ${seconds(meta.waitBudgetMs)} budget)`}`);
  const stopped = meta.stopped === undefined ? [] : [`STOPPED EARLY: ${meta.stopped.reason}; ${meta.stopped.notRun} planned cases not run`];
  return [`stigg-contract ${report.kind}: ${meta.operation}`, parts.join(' · '), ...nextLine(report), ...campaignHeader(report), ...(meta.notes ?? []), ...stopped, ''];
}

/** One line per run: each phase with what it sent, or why it was skipped. */
function phaseLines(report: Report, paint: Paint): string[] {
  if (!report.phases?.length) return [];
  const unit = (phase: string, count: number): string => `${count} ${phase === 'pacts' ? 'interaction' : 'case'}${count === 1 ? '' : 's'}`;
  const parts = report.phases.map((outcome) => (outcome.ran ? `${outcome.phase} ${unit(outcome.phase, outcome.cases)}` : paint(2, `${outcome.phase} skipped (${outcome.reason})`)));
  return [`phases: ${parts.join(' · ')}`, ''];
}

/** How many findings of a kind a check has (0 for a kind a report written before it existed does not count). */
const countOf = (check: CheckSummary, kind: FindingKind): number => check.findings[kind] ?? 0;

function mark(check: CheckSummary, meta: Report['meta'], paint: Paint): string {
  if (FINDING_KINDS.some((kind) => countOf(check, kind) > 0 && failsRun(kind, meta.strictContract, meta.failOnDrift))) return paint(31, '✗');
  if (FINDING_KINDS.some((kind) => countOf(check, kind) > 0)) return paint(33, '!');
  return check.passed > 0 ? paint(32, '✓') : paint(2, '–');
}

function summaryTable(report: Report, paint: Paint): string[] {
  const width = Math.max(5, ...report.checks.map((check) => check.id.length));
  const row = (cells: readonly (string | number)[]): string => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(width) : String(cell).padStart(8))).join('');
  const lines = [`  ${row(['check', 'passed', 'failed', 'skipped', 'n/a'])}`];
  for (const check of report.checks) {
    lines.push(`${mark(check, report.meta, paint)} ${row([check.id, check.passed, check.failed, check.skipped, check.notApplicable])}`);
    for (const { reason, count } of check.skipReasons.slice(0, 3)) lines.push(paint(2, `    skipped ${count}×: ${reason}`));
  }
  return [...lines, ''];
}

/** The lines under a finding's title: expected/actual/case/curl/replay for an exchange; where and details otherwise. */
export function findingBody(finding: ReportFinding, indent: string, replayCommand: string): string[] {
  if (!isExchangeFinding(finding)) return [`${indent}at        ${finding.location}`, ...finding.details.map((detail, index) => `${indent}${index === 0 ? 'details   ' : '          '}${detail}`)];
  const intent = finding.intent.intent === 'valid' ? 'valid' : `invalid (${finding.intent.breaks.part}${finding.intent.breaks.pointer} ${finding.intent.breaks.keyword})`;
  const lines = [
    `${indent}expected  ${finding.expected}`,
    `${indent}actual    ${finding.actual}`,
    `${indent}case      ${intent} · scenario ${finding.scenario}`,
  ];
  if (finding.reproducer) lines.push(`${indent}curl      ${finding.reproducer.curl}`);
  if (finding.reproducer?.replay) lines.push(`${indent}replay    ${replayCommand} ${finding.reproducer.replay}`);
  return lines;
}

function findingLines(group: FindingGroup, meta: Report['meta'], paint: Paint): string[] {
  const symbol = failsRun(group.kind, meta.strictContract, meta.failOnDrift) ? paint(31, '✗') : paint(33, '!');
  return [
    `${symbol} ${paint(1, group.check)} [${group.kind}] ${group.finding.message}${group.count > 1 ? `  ×${group.count}` : ''}${confirmationLabel(group)}`,
    ...findingBody(group.finding, '    ', 'stigg-contract verify'),
  ];
}

function findingsSection(report: Report, paint: Paint, maxGroups: number): string[] {
  if (report.findings.length === 0) return [paint(32, 'No findings.'), ''];
  const total = report.findings.reduce((sum, group) => sum + group.count, 0);
  const lines = [paint(1, `Findings (${report.findings.length} distinct, ${total} in all)`)];
  for (const group of report.findings.slice(0, maxGroups)) lines.push(...findingLines(group, report.meta, paint));
  if (report.findings.length > maxGroups) lines.push(`… ${report.findings.length - maxGroups} more (see the JSON report)`);
  return [...lines, ''];
}

function tallyLine(name: string, tally: Tally & { readonly otherDocumented?: number }, paint: Paint): string {
  const seen = tally.seen.length ? list(tally.seen.map(({ value, count }) => `${value} ×${count}`)) : 'none';
  const missing = tally.notCovered.length ? paint(33, ` · not covered: ${list(tally.notCovered)}`) : '';
  const others = tally.otherDocumented ? paint(2, ` · ${tally.otherDocumented} other documented values no situation here calls for`) : '';
  return `  ${name.padEnd(24)} ${seen}${missing}${others}`;
}

function coverageSection(coverage: Coverage, paint: Paint): string[] {
  if (coverage.length === 0) return [];
  const lines = [paint(1, 'Coverage')];
  for (const line of coverage) {
    if (line.seen.length > 0 || line.notCovered.length > 0 || line.name === 'statuses') lines.push(tallyLine(line.name, line, paint));
    if (line.undocumented?.length) lines.push(paint(31, `  ${`undocumented ${line.name}`.padEnd(24)} ${line.undocumented.join(', ')}`));
  }
  return [...lines, ''];
}

function verdict(report: Report, paint: Paint): string {
  if (report.aborted) return paint(31, `Could not run: ${report.aborted.reason}`);
  const { violations, contractDefects, warnings, pactFailures, contractDrift = 0 } = report.totals;
  const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const lenient = contractDefects > 0 && !report.meta.strictContract ? ' (not failing without --strict-contract)' : '';
  const drifting = report.meta.nextContract === undefined && contractDrift === 0 ? []
    : [`${contractDrift} contract drift${contractDrift > 0 && !report.meta.failOnDrift ? ' (not failing without --fail-on-drift)' : ''}`];
  // Pact interactions are part of verify's verdict (phase 1), and of any other report that lists some.
  const pacts = report.kind === 'check-pact' ? (report.pacts.length > 0 ? [`${pactFailures} of ${plural(report.pacts.length, 'interaction')} ${pactFailures === 1 ? 'breaks' : 'break'}`] : [])
    : report.kind === 'verify' || report.pacts.length > 0 ? [plural(pactFailures, 'failed pact interaction')] : [];
  const text = [
    plural(violations, 'violation'),
    ...pacts,
    `${plural(contractDefects, 'contract defect')}${lenient}`,
    ...drifting,
    plural(warnings, 'warning'),
  ].join(', ');
  // One rule for what fails a run: the exit code's; a verdict that is not whole never reads PASSED (completeness.ts).
  const code = exitCodeOf(report);
  const incomplete = incompleteness(report);
  if (incomplete) return incompleteLine(incomplete, report, text, code === EXIT_CODES.violations, paint);
  return code !== EXIT_CODES.ok ? paint(31, `FAILED: ${text}`) : paint(32, `PASSED: ${text}`);
}

/** Renders a report for a person at a terminal. */
export function formatConsole(report: Report, options: ConsoleOptions = {}): string {
  const secrets = options.secrets ?? [];
  // Values a provider wrote (bodies, messages) are shown escaped: none may move the cursor or clear the screen.
  const safe = scrubValues(redactReport(report, secrets), escapeControls);
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const lines = [
    ...header(safe),
    ...problemLines(safe, paint),
    ...phaseLines(safe, paint),
    ...failureReplayLines(safe, paint),
    ...summaryTable(safe, paint),
    ...findingsSection(safe, paint, options.maxGroups ?? 50),
    ...pactSection(safe, paint),
    ...coverageSection(safe.coverage, paint),
    verdict(safe, paint),
  ];
  return `${lines.join('\n')}\n`;
}
