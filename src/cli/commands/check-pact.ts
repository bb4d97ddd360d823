/** `stigg-contract check-pact [FILES...]`: holds pact files to the contract (see docs/consumer.md). */
import { checkPactExitCode, checkPacts, type CheckPactReport, type PactFinding } from '../../pact/check-pact.js';
import { PROVIDER } from '../../pact/names.js';
import { openContract } from '../../validators/index.js';
import { optionsOf, type CommandModule } from '../command.js';
import { OPERATION_HELP } from '../flags.js';

interface CheckPactFlags {
  readonly contract?: string;
  readonly operation?: string;
  readonly provider: string;
  readonly json?: boolean;
  readonly strictContract?: boolean;
}

const HELP = `
Each interaction's request and response is validated against the contract (examples as written), and each matching
rule is probed for values it admits that the contract rejects (a type matcher on an enum field, a regex looser than
the schema's pattern, a status class that takes in undocumented statuses). A request the contract rejects is fine
when the interaction expects a documented 4xx (a negative test). Findings are violations (of the pact), contract
defects (only the document's own defects reject the value; see \`lint\`) or warnings (not checkable).
Exit codes: 0 no violation, 1 violations (or contract defects with --strict-contract),
2 unusable input (unreadable, not JSON, not a pact, a pact for another provider, no pact files).`;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function formatFinding(finding: PactFinding): string {
  const where = `${finding.side} ${finding.source} #${finding.location}${finding.pointer ? ` (${finding.pointer}, ${finding.keyword})` : ` (${finding.keyword})`}`;
  return `  ${finding.kind.padEnd(15)} ${JSON.stringify(finding.interaction)}\n    ${where}\n    ${finding.message}`;
}

/** The report as text: each file with its findings, then one summary line. */
export function asText(report: CheckPactReport): string {
  const blocks = report.checked.map((pact) => {
    const findings = report.findings.filter((finding) => finding.file === pact.file);
    const head = `${pact.file} (${pact.consumer} → ${pact.provider}, ${plural(pact.interactions, 'interaction')})`;
    return findings.length === 0 ? `${head}: clean` : `${head}\n${findings.map(formatFinding).join('\n')}`;
  });
  const count = (kind: PactFinding['kind']): number => report.findings.filter((finding) => finding.kind === kind).length;
  const interactions = report.checked.reduce((sum, pact) => sum + pact.interactions, 0);
  const summary = `${plural(report.checked.length, 'pact file')}, ${plural(interactions, 'interaction')}: ${plural(count('violation'), 'violation')}, ` +
    `${plural(count('contract-defect'), 'contract defect')}, ${plural(count('warning'), 'warning')}` +
    (report.unusable.length > 0 ? `, ${report.unusable.length} unusable` : '');
  return [...blocks, summary].join('\n\n');
}

/** `stigg-contract check-pact`. */
export const checkPactCommand: CommandModule = {
  name: 'check-pact',
  define: (command) => command
    .description('Check pact files against the contract: examples and what each matcher admits (bi-directional)')
    .argument('[files...]', 'pact files or directories of *.json (default: pacts/)')
    .option('--contract <file>', 'OpenAPI 3.0 document (default: the shipped Stigg contract)')
    .option('--operation <id>', OPERATION_HELP)
    .option('--provider <name>', 'the provider every pact must name', PROVIDER)
    .option('--json', 'print the report as JSON')
    .option('--strict-contract', 'exit 1 on contract defects too')
    .addHelpText('after', HELP),
  async run(args, io) {
    const files = (args[0] ?? []) as string[];
    const flags = optionsOf<CheckPactFlags>(args);
    const contract = await openContract(flags.contract, flags.operation);
    const report = await checkPacts(files.length > 0 ? files : ['pacts'], { contract, provider: flags.provider });
    for (const { file, reason } of report.unusable) io.err(`stigg-contract check-pact: ${file}: ${reason}`);
    io.out(flags.json ? JSON.stringify(report, null, 2) : asText(report));
    return checkPactExitCode(report, flags.strictContract === true);
  },
};
