import { Option } from 'commander';
import { loadContract } from '../../contract/load.js';
import { harnessLimits, operationLabel, selectOperation } from '../../contract/select.js';
import type { Contract } from '../../contract/types.js';
import type { Defect } from '../../lint/defect.js';
import { lintContract, lintOperation, RULES } from '../../lint/lint.js';
import { preview } from '../../validators/issue.js';
import { optionsOf, type CommandModule } from '../command.js';
import { OPERATION_HELP } from '../flags.js';

interface LintOptions {
  readonly contract?: string;
  readonly operation?: string;
  readonly json?: boolean;
  readonly strict?: boolean;
}

/** An operation the harness cannot test, and why: not modelled at all, or with parts it does not drive yet. */
interface Untestable {
  readonly operation: string;
  readonly pointer: string;
  readonly reason: string;
}

function untestable(contract: Contract): Untestable[] {
  return [
    ...contract.unsupported.map((op) => ({ operation: operationLabel(op), pointer: op.pointer, reason: op.reason })),
    ...contract.operations.flatMap((op) => {
      const limits = harnessLimits(op);
      return limits.length === 0 ? [] : [{ operation: operationLabel(op), pointer: op.pointer, reason: limits.join('; ') }];
    }),
  ];
}

function asJson(file: string, defects: readonly Defect[], skipped: readonly Untestable[]): string {
  const rows = defects.map(({ rule, pointer, message, example, strictly }) => ({ rule, pointer, message, example, strictly }));
  return JSON.stringify({ contract: file, defects: rows, untestable: skipped }, null, 2);
}

function asText(file: string, defects: readonly Defect[], skipped: readonly Untestable[]): string {
  const lines = defects.map((d) => `${d.rule}  #${d.pointer}\n  ${d.message}\n  example: ${preview(d.example, 120)} (strictly ${d.strictly}, meant the other way)`);
  const untested = skipped.length === 0 ? [] : [`${skipped.length} operation(s) the harness cannot test:\n${skipped.map((s) => `  ${s.operation}  #${s.pointer}\n    ${s.reason}`).join('\n')}`];
  const total = defects.length === 0 ? `${file}: no contract defects found` : `${file}: ${defects.length} contract defect(s)`;
  return [...lines, ...untested, total].join('\n\n');
}

/** `stigg-contract lint`: lists the defects of the contract document itself. */
export const lintCommand: CommandModule = {
  name: 'lint',
  define: (command) => command
    .description('List defects of the contract document itself (JSON pointer, explanation, example value)')
    .option('--contract <file>', 'OpenAPI 3.0 document to lint (default: the shipped Stigg contract)')
    .option('--operation <id>', `lint this operation only: ${OPERATION_HELP.replace(/ \(default.*$/, '')} (default: every operation, and those the harness cannot test, with the reason)`)
    .option('--json', 'print the defects as JSON')
    .addOption(new Option('--strict', 'exit 1 when any defect is found (default: defects alone exit 0)'))
    .addHelpText('after', `\nRules:\n${RULES.map((rule) => `  ${rule.id.padEnd(28)} ${rule.summary}`).join('\n')}\n\nExit codes: 0 ok (or defects without --strict), 1 defects with --strict, 2 unreadable or invalid contract.`),
  async run(args, io) {
    const options = optionsOf<LintOptions>(args);
    const contract = await loadContract(options.contract);
    const one = options.operation === undefined ? undefined : selectOperation(contract, options.operation);
    const defects = one ? lintOperation(one) : lintContract(contract);
    const skipped = one ? [] : untestable(contract);
    io.out(options.json ? asJson(contract.file, defects, skipped) : asText(contract.file, defects, skipped));
    return options.strict && defects.length > 0 ? 1 : 0;
  },
};
