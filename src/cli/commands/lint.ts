/** `stigg-contract lint`: lists the defects of the contract document itself, in the report model every command shares. */
import { Option } from 'commander';
import { loadContract } from '../../contract/load.js';
import { RULES, lintContract } from '../../lint/lint.js';
import { exitCodeOf, formatConsole, formatJson } from '../../report/index.js';
import { lintVerdict } from '../../report/lint-verdict.js';
import { optionsOf, type CommandModule } from '../command.js';
import { reportTargets, writeReports } from '../report-output.js';

interface LintOptions {
  readonly contract?: string;
  readonly json?: boolean;
  readonly strict?: boolean;
  readonly report?: string;
}

/** `stigg-contract lint`: lists the defects of the contract document itself. */
export const lintCommand: CommandModule = {
  name: 'lint',
  define: (command) => command
    .description('List defects of the contract document itself (JSON pointer, explanation, example value)')
    .option('--contract <file>', 'OpenAPI 3.0 document to lint (default: the shipped Stigg contract)')
    .option('--json', 'print the report as JSON (what --report json=FILE writes)')
    .option('--report <targets>', 'write reports: junit=FILE,json=FILE (a test case per rule)')
    .addOption(new Option('--strict', 'exit 1 when any defect is found (default: defects alone exit 0)'))
    .addHelpText('after', `\nRules:\n${RULES.map((rule) => `  ${rule.id.padEnd(28)} ${rule.summary}`).join('\n')}\n\nExit codes: 0 ok (or defects without --strict), 1 defects with --strict, 2 unreadable or invalid contract.`),
  async run(args, io) {
    const options = optionsOf<LintOptions>(args);
    const targets = reportTargets(options.report);
    const contract = await loadContract(options.contract);
    const report = lintVerdict(contract, lintContract(contract), options.strict === true);
    io.out(options.json ? formatJson(report) : formatConsole(report, { color: io.isTty && !process.env['NO_COLOR'] }));
    writeReports(targets, report);
    return exitCodeOf(report);
  },
};
