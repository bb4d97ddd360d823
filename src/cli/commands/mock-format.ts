/** The client report as text: the verdict, each problem with what was expected, then coverage with what was not exercised. */
import type { ClientReport, CoverageItem } from '../../runners/mock/index.js';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
const times = (item: CoverageItem): string => `${item.label} ×${item.count}`;
const list = (items: readonly string[]): string => (items.length === 0 ? '(none)' : items.join(', '));

function commandLine(report: ClientReport): string | undefined {
  const { command } = report;
  if (!command) return undefined;
  if ('error' in command) return `  command: ${command.error}`;
  return `  command: ${command.signal ? `ended by ${command.signal}` : `exited ${command.exitCode}`}${command.message ? ` (${command.message})` : ''}`;
}

function problemBlocks(report: ClientReport): string[] {
  const titles = { violation: 'Broke the contract', unmatched: 'Addressed no documented operation', 'contract-defect': 'Rejected only by the contract\'s own defects (see `stigg-contract lint`)' };
  return (['violation', 'unmatched', 'contract-defect'] as const).flatMap((kind) => {
    const problems = report.problems.filter((problem) => problem.kind === kind);
    if (problems.length === 0) return [];
    const lines = problems.flatMap((problem) => [
      `  #${problem.first.index} ${problem.first.method} ${problem.first.path}${problem.count > 1 ? `  (and ${problem.count - 1} more like it)` : ''}`,
      ...problem.details.map((detail) => `      ${detail}`),
    ]);
    return [`${titles[kind]} (${plural(report.verdicts[kind], 'request')}):`, ...lines];
  });
}

/** Success shapes, per property: how many of its shapes were served, and which were not. */
function shapeLines(items: readonly CoverageItem[]): string[] {
  const byPointer = new Map<string, CoverageItem[]>();
  for (const item of items) {
    const pointer = item.label.slice(0, item.label.indexOf(' '));
    byPointer.set(pointer, [...(byPointer.get(pointer) ?? []), item]);
  }
  const served = [...byPointer].map(([pointer, group]) => `${pointer} ${group.filter((item) => item.count > 0).length}/${group.length}`);
  const missing = items.filter((item) => item.count === 0).map((item) => item.label);
  return [`  success shapes served:  ${list(served)}`, `    not served:           ${list(missing)}`];
}

function coverageLines(report: ClientReport): string[] {
  const group = (name: CoverageItem['group']): CoverageItem[] => report.coverage.filter((item) => item.group === name);
  const pair = (name: CoverageItem['group'], missingWord: string): string[] => {
    const items = group(name);
    return [`  ${`${name}:`.padEnd(24)}${list(items.filter((item) => item.count > 0).map(times))}`, `    ${`${missingWord}:`.padEnd(22)}${list(items.filter((item) => item.count === 0).map((item) => item.label))}`];
  };
  return [
    'Coverage (what the client exercised, and what it never did):',
    ...pair('statuses received', 'not received'),
    ...pair('requests sent', 'not sent'),
    ...shapeLines(group('success shapes served')),
    ...(report.drills ? pair('error drills received', 'not received') : []),
  ];
}

function verdictLine(report: ClientReport): string {
  if (report.passed) return `PASSED: ${plural(report.requests, 'request')}, none broke the contract or missed the operation`;
  const reasons = [
    report.requests === 0 ? 'no request reached the mock (does the client read STIGG_BASE_URL?)' : '',
    report.verdicts.violation ? `${plural(report.verdicts.violation, 'request')} broke the contract` : '',
    report.verdicts.unmatched ? `${plural(report.verdicts.unmatched, 'request')} addressed no documented operation` : '',
    report.strictContract && report.verdicts['contract-defect'] ? `${plural(report.verdicts['contract-defect'], 'request')} rejected by the contract's defects (--strict-contract)` : '',
    report.command && !('exitCode' in report.command && report.command.exitCode === 0) ? 'the client\'s command failed' : '',
  ].filter(Boolean);
  return `FAILED: ${reasons.join('; ')}`;
}

function pactLines(report: ClientReport): string[] {
  const { pact } = report;
  if (!pact) return [];
  const written = pact.interactions.length === 0 ? 'no pact written: no valid exchange a provider state can bring about' : `pact: ${pact.file} (${plural(pact.interactions.length, 'interaction')})`;
  return ['', written, ...pact.skipped.map((skip) => `  not recorded (${plural(skip.count, 'exchange')}): ${skip.reason}`)];
}

/** The whole report; `header` lines (mock URL, seed) go first. */
export function formatClientReport(report: ClientReport, header: readonly string[] = []): string {
  const { verdicts } = report;
  const counts = `  valid ${verdicts.valid} · broke the contract ${verdicts.violation} · no documented operation ${verdicts.unmatched} · contract defects only ${verdicts['contract-defect']}`;
  const runs = report.runs > 1 ? ` (the log holds ${report.runs} runs)` : '';
  return [
    `Client report: ${plural(report.requests, 'request')}${runs}`,
    ...header.map((line) => `  ${line}`),
    counts,
    ...[commandLine(report)].filter((line): line is string => line !== undefined),
    '',
    ...problemBlocks(report),
    ...(report.problems.length > 0 ? [''] : []),
    ...coverageLines(report),
    ...pactLines(report),
    '',
    verdictLine(report),
  ].join('\n');
}
