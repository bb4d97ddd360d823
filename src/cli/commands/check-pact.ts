/** `stigg-contract check-pact [FILES...]`: holds pact files to the contract (see docs/consumer.md). */
import { checkPacts } from '../../pact/check-pact.js';
import { checkPactVerdict } from '../../pact/check-pact-verdict.js';
import { PROVIDER } from '../../pact/names.js';
import { exitCodeOf, formatConsole, formatJson } from '../../report/index.js';
import { openContract } from '../../validators/index.js';
import { optionsOf, type CommandModule } from '../command.js';
import { OPERATION_HELP } from '../flags.js';
import { reportTargets, writeReports } from '../report-output.js';

interface CheckPactFlags {
  readonly contract?: string;
  readonly operation?: string;
  readonly provider: string;
  readonly json?: boolean;
  readonly strictContract?: boolean;
  readonly report?: string;
}

const HELP = `
Each interaction's request and response is validated against the contract (examples as written), and each matching
rule is probed for values it admits that the contract rejects (a type matcher on an enum field, a regex looser than
the schema's pattern, a status class that takes in undocumented statuses). A request the contract rejects is fine
when the interaction expects a documented 4xx (a negative test). Findings are violations (of the pact), contract
defects (only the document's own defects reject the value; see \`lint\`) or warnings (not checkable).
Each interaction then holds or breaks under the contract checked against: point --contract at the next version
of the document to see which committed interactions still hold there (\`diff\` says what changed).
--report junit=FILE,json=FILE writes the report as verify writes its own (one JUnit test case per check).
Exit codes: 0 no violation, 1 violations (or contract defects with --strict-contract),
2 unusable input (unreadable, not JSON, not a pact, a pact for another provider, no pact files).`;

/** `stigg-contract check-pact`. */
export const checkPactCommand: CommandModule = {
  name: 'check-pact',
  define: (command) => command
    .description('Check pact files against the contract: examples and what each matcher admits (bi-directional)')
    .argument('[files...]', 'pact files or directories of *.json (default: pacts/)')
    .option('--contract <file>', 'OpenAPI 3.0 document (default: the shipped Stigg contract)')
    .option('--operation <id>', OPERATION_HELP)
    .option('--provider <name>', 'the provider every pact must name', PROVIDER)
    .option('--json', 'print the report as JSON (what --report json=FILE writes)')
    .option('--report <targets>', 'write reports: junit=FILE,json=FILE')
    .option('--strict-contract', 'exit 1 on contract defects too')
    .addHelpText('after', HELP),
  async run(args, io) {
    const files = (args[0] ?? []) as string[];
    const flags = optionsOf<CheckPactFlags>(args);
    const targets = reportTargets(flags.report);
    const contract = await openContract(flags.contract, flags.operation);
    const checked = await checkPacts(files.length > 0 ? files : ['pacts'], { contract, provider: flags.provider });
    for (const { file, reason } of checked.unusable) io.err(`stigg-contract check-pact: ${file}: ${reason}`);
    const report = checkPactVerdict(checked, contract, flags.strictContract === true);
    io.out(flags.json ? formatJson(report) : formatConsole(report, { color: io.isTty && !process.env['NO_COLOR'] }));
    writeReports(targets, report);
    return exitCodeOf(report);
  },
};
