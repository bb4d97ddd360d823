import { Option } from 'commander';
import { loadContract } from '../../contract/load.js';
import type { Defect } from '../../lint/defect.js';
import { lintContract, RULES } from '../../lint/lint.js';
import { preview } from '../../validators/issue.js';
import { optionsOf, type CommandModule } from '../command.js';

interface LintOptions {
  readonly contract?: string;
  readonly json?: boolean;
  readonly strict?: boolean;
}

function asJson(file: string, defects: readonly Defect[]): string {
  const rows = defects.map(({ rule, pointer, message, example, strictly }) => ({ rule, pointer, message, example, strictly }));
  return JSON.stringify({ contract: file, defects: rows }, null, 2);
}

function asText(file: string, defects: readonly Defect[]): string {
  if (defects.length === 0) return `${file}: no contract defects found`;
  const lines = defects.map((d) => `${d.rule}  #${d.pointer}\n  ${d.message}\n  example: ${preview(d.example, 120)} (strictly ${d.strictly}, meant the other way)`);
  return `${lines.join('\n\n')}\n\n${file}: ${defects.length} contract defect(s)`;
}

/** `stigg-contract lint`: lists the defects of the contract document itself. */
export const lintCommand: CommandModule = {
  name: 'lint',
  define: (command) => command
    .description('List defects of the contract document itself (JSON pointer, explanation, example value)')
    .option('--contract <file>', 'OpenAPI 3.0 document to lint (default: the shipped Stigg contract)')
    .option('--json', 'print the defects as JSON')
    .addOption(new Option('--strict', 'exit 1 when any defect is found (default: defects alone exit 0)'))
    .addHelpText('after', `\nRules:\n${RULES.map((rule) => `  ${rule.id.padEnd(28)} ${rule.summary}`).join('\n')}\n\nExit codes: 0 ok (or defects without --strict), 1 defects with --strict, 2 unreadable or invalid contract.`),
  async run(args, io) {
    const options = optionsOf<LintOptions>(args);
    const contract = await loadContract(options.contract);
    const defects = lintContract(contract);
    io.out(options.json ? asJson(contract.file, defects) : asText(contract.file, defects));
    return options.strict && defects.length > 0 ? 1 : 0;
  },
};
