/** `stigg-contract lint`: lists the defects of the contract document itself, in the report model every command shares. */
import { Option } from 'commander';
import { loadContract } from '../../contract/load.js';
import { assertHasOperations, harnessLimits, operationLabel, selectOperation } from '../../contract/select.js';
import type { Contract } from '../../contract/types.js';
import { lintContract, lintOperation, RULES } from '../../lint/lint.js';
import { exitCodeOf, formatConsole, formatJson } from '../../report/index.js';
import { lintVerdict, type Untestable } from '../../report/lint-verdict.js';
import { optionsOf, type CommandModule } from '../command.js';
import { OPERATION_HELP } from '../flags.js';
import { reportTargets, writeReports } from '../report-output.js';

interface LintOptions {
  readonly contract?: string;
  readonly operation?: string;
  readonly json?: boolean;
  readonly strict?: boolean;
  readonly report?: string;
}

/** The operations the harness cannot test, and why: not modelled at all, or with parts it does not drive yet. */
function untestable(contract: Contract): Untestable[] {
  return [
    ...contract.unsupported.map((op) => ({ operation: operationLabel(op), pointer: op.pointer, reason: op.reason })),
    ...contract.operations.flatMap((op) => {
      const limits = harnessLimits(op);
      return limits.length === 0 ? [] : [{ operation: operationLabel(op), pointer: op.pointer, reason: limits.join('; ') }];
    }),
  ];
}

/** `stigg-contract lint`: lists the defects of the contract document itself. */
export const lintCommand: CommandModule = {
  name: 'lint',
  define: (command) => command
    .description('List defects of the contract document itself (JSON pointer, explanation, example value)')
    .option('--contract <file>', 'OpenAPI 3.0 document to lint (default: the shipped Stigg contract)')
    .option('--operation <id>', `lint this operation only: ${OPERATION_HELP.replace(/ \(default.*$/, '')} (default: every operation, and those the harness cannot test, with the reason)`)
    .option('--json', 'print the report as JSON (what --report json=FILE writes)')
    .option('--report <targets>', 'write reports: junit=FILE,json=FILE (a test case per rule)')
    .addOption(new Option('--strict', 'exit 1 when any defect is found (default: defects alone exit 0)'))
    .addHelpText('after', `\nRules:\n${RULES.map((rule) => `  ${rule.id.padEnd(28)} ${rule.summary}`).join('\n')}\n\nExit codes: 0 ok (or defects without --strict), 1 defects with --strict, 2 unreadable or invalid contract.`),
  async run(args, io) {
    const options = optionsOf<LintOptions>(args);
    const targets = reportTargets(options.report);
    const contract = await loadContract(options.contract);
    assertHasOperations(contract);
    const one = options.operation === undefined ? undefined : selectOperation(contract, options.operation);
    const defects = one ? lintOperation(one) : lintContract(contract);
    const report = lintVerdict(contract, defects, options.strict === true, one ? { operations: [one], untestable: [] } : { untestable: untestable(contract) });
    io.out(options.json ? formatJson(report) : formatConsole(report, { color: io.isTty && !process.env['NO_COLOR'] }));
    writeReports(targets, report);
    return exitCodeOf(report);
  },
};
