/** The JUnit XML formatter: one test case per check and per pact interaction, via junit-report-builder. */
import junitModule, { type TestSuite } from 'junit-report-builder';
import { failsRun } from '../checks/finding.js';
import { isExchangeFinding, versionText } from './model.js';
import { redactReport } from './redact.js';
import { confirmationLabel } from './campaign-lines.js';
import { runErrorCases } from './completeness.js';
import type { CheckSummary, FindingGroup, PactResult, Report } from './types.js';

/** junit-report-builder: it ships CommonJS whose module.exports is the builder; under NodeNext the default import is it. */
export const junit = junitModule as unknown as typeof junitModule.default;

/** JUnit options: secrets to redact. */
export interface JunitOptions {
  readonly secrets?: readonly string[];
}

/** Characters XML 1.0 cannot carry are written as `\u{…}`; `]]>` is split so CDATA sections stay closed. */
export function xmlSafe(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, (char) => `\\u{${char.codePointAt(0)?.toString(16) ?? ''}}`)
    .replace(/]]>/g, ']] >');
}

function groupText(group: FindingGroup): string {
  const { finding } = group;
  const body = isExchangeFinding(finding)
    ? [
      `  expected: ${finding.expected}`,
      `  actual:   ${finding.actual}`,
      ...(finding.reproducer ? [`  curl:     ${finding.reproducer.curl}`] : []),
      ...(finding.reproducer?.replay ? [`  replay:   stigg-contract verify ${finding.reproducer.replay}`] : []),
    ]
    : [`  at:       ${finding.location}`, ...finding.details.map((detail) => `  detail:   ${detail}`)];
  return [`[${group.kind}] ${finding.message}${group.count > 1 ? ` (×${group.count})` : ''}${confirmationLabel(group)}`, ...body].join('\n');
}

/** `.shard2of4` for a shard's test cases (their class names stay apart when CI joins the shards' files), else nothing. */
const shardSuffix = (report: Report): string => (report.meta.shard ? `.shard${report.meta.shard.index}of${report.meta.shard.count}` : '');

function checkCase(suite: TestSuite, check: CheckSummary, report: Report): void {
  const testCase = suite.testCase().className(`stigg-contract.checks${shardSuffix(report)}`).name(xmlSafe(check.id));
  const groups = report.findings.filter((group) => group.check === check.id);
  const failing = groups.filter((group) => failsRun(group.kind, report.meta.strictContract, report.meta.failOnDrift));
  const details = groups.map(groupText).join('\n\n');
  if (failing.length > 0) {
    const count = failing.reduce((sum, group) => sum + group.count, 0);
    const messages = failing.slice(0, 5).map((g) => g.finding.message).join('; ') + (failing.length > 5 ? '; …' : '');
    testCase.failure(xmlSafe(`${count} finding${count === 1 ? '' : 's'}: ${messages}`), failing[0]?.kind ?? 'violation');
    testCase.stacktrace(xmlSafe(details));
  } else if (check.passed === 0 && check.failed === 0) {
    testCase.skipped();
    const reasons = check.skipReasons.map(({ reason, count }) => `${count}× ${reason}`).join('\n');
    testCase.standardOutput(xmlSafe(reasons || 'never applied to a generated case'));
  } else if (details) testCase.standardOutput(xmlSafe(details));
}

function pactCase(suite: TestSuite, pact: PactResult, report: Report): void {
  const name = `${pact.state ? `${pact.state} › ` : ''}${pact.description}`;
  const testCase = suite.testCase().className(`stigg-contract.pact${shardSuffix(report)}`).name(xmlSafe(name));
  if (!pact.passed) testCase.failure(xmlSafe(pact.message ?? 'interaction failed'), 'pact');
}

/** Renders a report as JUnit XML (checks as one suite, pact interactions as another). */
export function formatJunit(report: Report, options: JunitOptions = {}): string {
  const secrets = options.secrets ?? [];
  const safe = redactReport(report, secrets);
  const builder = junit.newBuilder().name(xmlSafe(`stigg-contract ${safe.kind} ${safe.meta.operation}`));
  // A shard's suites say which shard they are: CI systems that join the shards' files natively keep them apart.
  const shard = safe.meta.shard ? ` (shard ${safe.meta.shard.index}/${safe.meta.shard.count})` : '';
  const checks = builder.testSuite().name(`checks${shard}`).time((safe.meta.durationMs ?? 0) / 1000);
  checks.property('contract', xmlSafe(versionText(safe.meta.contractTitle, safe.meta.contractVersion, safe.meta.contractFile)));
  const next = safe.meta.nextContract;
  if (next !== undefined) checks.property('nextContract', xmlSafe(versionText(next.title, next.version, next.file)));
  if (safe.meta.baseUrl !== undefined) checks.property('baseUrl', xmlSafe(safe.meta.baseUrl));
  if (safe.meta.seed !== undefined) checks.property('seed', String(safe.meta.seed));
  if (safe.meta.shard) checks.property('shard', `${safe.meta.shard.index}/${safe.meta.shard.count}`);
  for (const check of safe.checks) checkCase(checks, check, safe);
  if (safe.pacts.length > 0) {
    const pacts = builder.testSuite().name(`pact${shard}`);
    for (const pact of safe.pacts) pactCase(pacts, pact, safe);
  }
  const run = [...(safe.aborted ? [{ name: 'run', message: safe.aborted.reason, type: 'aborted' }] : []), ...runErrorCases(safe)];
  if (run.length > 0) {
    const suite = builder.testSuite().name('run');
    for (const { name, message, type } of run) suite.testCase().className(`stigg-contract.run${shardSuffix(safe)}`).name(xmlSafe(name)).error(xmlSafe(message), type);
  }
  return builder.build();
}
