/**
 * check-pact's verdict in the one report model (report/), for the console, JSON and JUnit writers every command
 * shares: the examples and the matchers as two checks over the interactions, each finding with where it is in the
 * pact file, the files checked as notes, unusable inputs as the reason the verdict is incomplete (exit 2).
 */
import { failsRun } from '../checks/finding.js';
import type { PactResult, Report } from '../report/index.js';
import { checkRow, contractMeta, verdictReport, type CountedFinding } from '../report/verdict.js';
import type { OperationContract } from '../validators/index.js';
import type { CheckedInteraction, CheckPactReport, PactFinding } from './check-pact.js';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The check a finding counts under: what the pact shows, or what its matching rules admit. */
const checkOf = (finding: PactFinding): string => (finding.source === 'example' ? 'pact_examples' : 'pact_matchers');

/** One line: files and interactions checked, findings by kind (what `publish` prints when the gate passes). */
export function checkPactSummary(report: CheckPactReport): string {
  const count = (kind: PactFinding['kind']): number => report.findings.filter((finding) => finding.kind === kind).length;
  const interactions = report.checked.reduce((sum, pact) => sum + pact.interactions, 0);
  return `${plural(report.checked.length, 'pact file')}, ${plural(interactions, 'interaction')}: ${plural(count('violation'), 'violation')}, ` +
    `${plural(count('contract-defect'), 'contract defect')}, ${plural(count('warning'), 'warning')}` +
    (report.unusable.length > 0 ? `, ${report.unusable.length} unusable` : '');
}

function counted(finding: PactFinding): CountedFinding {
  const where = `${finding.side} ${finding.source} #${finding.location}${finding.pointer ? ` (${finding.pointer}, ${finding.keyword})` : ` (${finding.keyword})`}`;
  return {
    finding: { check: checkOf(finding), kind: finding.kind, message: finding.message, location: `${finding.file}: ${where}`, details: [`interaction ${JSON.stringify(finding.interaction)}`] },
    shape: `${finding.file} ${finding.location} ${finding.message}`,
  };
}

const within = (finding: PactFinding, file: string, interaction: CheckedInteraction): boolean =>
  finding.file === file && (finding.location === interaction.location || finding.location.startsWith(`${interaction.location}/`));

/**
 * Whether each interaction holds under the contract checked against: it breaks when a finding of it fails the run
 * (a violation; a contract defect with `strictContract`), naming the first. Interactions that cannot be checked at
 * all are left out (their warnings say why).
 */
export function interactionResults(report: CheckPactReport, strictContract = false): PactResult[] {
  return report.checked.flatMap((pact) => pact.each.filter((interaction) => interaction.unusable === undefined).map((interaction): PactResult => {
    const breaking = report.findings.filter((finding) => within(finding, pact.file, interaction) && failsRun(finding.kind, strictContract));
    const [first] = breaking;
    const more = breaking.length > 1 ? ` (and ${breaking.length - 1} more)` : '';
    return {
      description: interaction.description,
      ...(interaction.state === undefined ? {} : { state: interaction.state }),
      passed: first === undefined,
      ...(first === undefined ? {} : { message: `${first.side} ${first.source}: ${first.message}${more}` }),
    };
  }));
}

/** The check-pact report as a Report: what `check-pact` prints and writes, and the exit code it gives. */
export function checkPactVerdict(report: CheckPactReport, contract: OperationContract, strictContract = false): Report {
  const interactions = report.checked.reduce((sum, pact) => sum + pact.interactions, 0);
  /** Interactions with a finding of this check that fails the run. */
  const failing = (check: string): number => new Set(report.findings.filter((finding) => checkOf(finding) === check && failsRun(finding.kind, strictContract)).map((finding) => `${finding.file}\u0000${finding.interaction}`)).size;
  const findings = report.findings.map(counted);
  const located = findings.map((item) => item.finding);
  return verdictReport({
    kind: 'check-pact',
    meta: {
      ...contractMeta(contract),
      strictContract,
      unit: 'interaction',
      notes: [...report.checked.map((pact) => `${pact.file} (${pact.consumer} → ${pact.provider}, ${plural(pact.interactions, 'interaction')})`), checkPactSummary(report)],
    },
    exchanges: interactions,
    checks: [
      checkRow('pact_examples', 'each request and response the pact shows is one the contract allows', 'the operation\'s schemas, statuses and media types', interactions - failing('pact_examples'), failing('pact_examples'), located),
      checkRow('pact_matchers', 'each matching rule admits only values the contract allows', 'the operation\'s schemas (enums, patterns, statuses)', interactions - failing('pact_matchers'), failing('pact_matchers'), located),
    ],
    findings,
    pacts: interactionResults(report, strictContract),
    ...(report.unusable.length === 0 ? {} : { aborted: `${plural(report.unusable.length, 'input')} could not be checked: ${report.unusable.map(({ file, reason }) => `${file}: ${reason}`).join('; ')}` }),
  });
}
