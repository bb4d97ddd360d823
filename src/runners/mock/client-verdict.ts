/**
 * The mock's client verdict in the one report model (report/), for the console, JSON and JUnit writers every command
 * shares: each kind of problem a failing check, each problem a finding with where it came from and what the contract
 * expected, the client's coverage as lines (success shapes on the same lines verify's coverage uses).
 */
import { tally, type CheckSummary, type Coverage, type LocatedFinding, type Report } from '../../report/index.js';
import { checkRow, contractMeta, verdictReport, type CountedFinding } from '../../report/verdict.js';
import type { OperationContract } from '../../validators/index.js';
import type { ClientProblem, ClientReport, CommandOutcome } from './client-report.js';

/** What the report says about the run besides the client report: the mock's URL and seed, where the log is. */
export interface ClientRunInfo {
  readonly url?: string;
  readonly seed?: number;
  readonly log?: string;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** How the command ended, in words, or undefined when it succeeded. */
function commandFailure(command: CommandOutcome | undefined): string | undefined {
  if (command === undefined || ('exitCode' in command && command.exitCode === 0)) return undefined;
  if ('error' in command) return command.error;
  return `the client's command ${command.signal ? `was ended by ${command.signal}` : `exited ${command.exitCode}`}${command.message ? `: ${command.message}` : ''}`;
}

function problemFinding(problem: ClientProblem): CountedFinding {
  const [message = 'the request breaks the contract', ...details] = problem.details;
  const finding: LocatedFinding = {
    check: problem.kind === 'unmatched' ? 'operation_addressed' : 'request_conforms',
    kind: problem.kind === 'contract-defect' ? 'contract-defect' : 'violation',
    message,
    location: `request #${problem.first.index} ${problem.first.method} ${problem.first.path}`,
    details,
  };
  return { finding, count: problem.count, shape: problem.details.join('\n') };
}

function findingsOf(report: ClientReport): CountedFinding[] {
  const run = (check: string, message: string): CountedFinding => ({ finding: { check, kind: 'violation', message, location: 'the run', details: [] } });
  const failure = commandFailure(report.command);
  return [
    ...report.problems.map(problemFinding),
    ...(report.requests === 0 ? [run('requests_received', 'no request reached the mock (does the client read STIGG_BASE_URL?)')] : []),
    ...(failure === undefined ? [] : [run('client_command', failure)]),
  ];
}

function checksOf(report: ClientReport, findings: readonly LocatedFinding[]): CheckSummary[] {
  const { requests, verdicts, strictContract } = report;
  const refused = verdicts.violation + (strictContract ? verdicts['contract-defect'] : 0);
  const rows = [
    checkRow('request_conforms', 'each request is one the contract allows', 'the operation\'s parameters, headers and body schemas', requests - verdicts.unmatched - refused, refused, findings),
    checkRow('operation_addressed', 'each request addresses the documented operation (method and path template)', 'the operation\'s method and path', requests - verdicts.unmatched, verdicts.unmatched, findings),
    checkRow('requests_received', 'the client\'s run sent at least one request to the mock', 'no evidence is no pass', requests > 0 ? 1 : 0, requests > 0 ? 0 : 1, findings),
  ];
  if (report.command === undefined) return rows;
  const failed = commandFailure(report.command) === undefined ? 0 : 1;
  return [...rows, checkRow('client_command', 'the client\'s own command succeeded', 'the client suite judges what it was served', 1 - failed, failed, findings)];
}

/** What the client met of the next version, and whether its run still passed: one note, and the changes not served. */
function driftNotes(report: ClientReport): string[] {
  const { drift } = report;
  if (drift === undefined) return [];
  const met = drift.met.map(({ value, count }) => `${value} ×${count}`).join(', ');
  const ended = report.command === undefined ? 'a log does not say whether the client\'s run passed after meeting them'
    : `the client's run ${report.passed ? 'still passed: it tolerates them' : `failed after meeting them: it may break when ${drift.next} arrives`}`;
  const outcome = drift.met.length === 0 ? `none met${drift.notMet.length > 0 ? ' (the client took too few successes to be served one)' : ''}` : `met ${met}; ${ended}`;
  return [`drift (values only ${drift.next} allows, served ahead of it): ${outcome}`, ...drift.unserved.map((change) => `  not served: ${change}`)];
}

/** The drift values as a coverage line: each met, counted, and those never served. */
function driftLine(report: ClientReport): Coverage {
  const { drift } = report;
  if (drift === undefined) return [];
  return [{ name: `drift values (${drift.next})`, ...tally(new Map(drift.met.map(({ value, count }) => [value, count])), [...drift.met.map(({ value }) => value), ...drift.notMet]) }];
}

function coverageOf(report: ClientReport): Coverage {
  const lines = new Map<string, { counts: Map<string, number>; values: string[] }>();
  for (const item of report.coverage) {
    if (item.group === 'error drills received' && !report.drills) continue;
    const line = lines.get(item.line) ?? { counts: new Map<string, number>(), values: [] };
    lines.set(item.line, line);
    line.values.push(item.value);
    if (item.count > 0) line.counts.set(item.value, item.count);
  }
  return [...[...lines].map(([name, line]) => ({ name, ...tally(line.counts, line.values) })), ...driftLine(report)];
}

function notes(report: ClientReport, run: ClientRunInfo): string[] {
  const { verdicts, pact } = report;
  const counted = `requests: valid ${verdicts.valid} · broke the contract ${verdicts.violation} · no documented operation ${verdicts.unmatched} · contract defects only ${verdicts['contract-defect']}${report.runs > 1 ? ` (the log holds ${report.runs} runs)` : ''}`;
  const recorded = pact === undefined ? [] : 'withheld' in pact ? [`pact: NONE WRITTEN: ${pact.withheld}`] : [
    pact.interactions.length === 0 ? 'pact: none written (no valid exchange a provider state can bring about)' : `pact: ${pact.file} (${plural(pact.interactions.length, 'interaction')})`,
    ...pact.skipped.map((skip) => `  not recorded (${plural(skip.count, 'exchange')}): ${skip.reason}`),
  ];
  return [counted, ...driftNotes(report), ...(run.log === undefined ? [] : [`log: ${run.log}`]), ...recorded];
}

/** The client report as a Report: what `mock -- <command>` and `mock report FILE` print and write. */
export function clientVerdict(report: ClientReport, contract: OperationContract, run: ClientRunInfo = {}): Report {
  const findings = findingsOf(report);
  return verdictReport({
    kind: 'mock',
    meta: {
      ...contractMeta(contract),
      ...(run.url === undefined ? {} : { baseUrl: run.url }),
      ...(run.seed === undefined ? {} : { seed: run.seed }),
      unit: 'request',
      notes: notes(report, run),
      strictContract: report.strictContract,
    },
    exchanges: report.requests,
    checks: checksOf(report, findings.map((counted) => counted.finding)),
    findings,
    coverage: coverageOf(report),
  });
}
