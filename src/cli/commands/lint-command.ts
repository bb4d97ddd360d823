/**
 * `stigg-contract lint` as the CLI declares it: its flags and help (the rules, from their light module), so that
 * `lint --help` starts as fast as `--help`; the run (lint.ts) and the linter load only when it runs.
 */
import { Option } from 'commander';
import { RULES } from '../../lint/rules/index.js';
import { runFrom, type CommandModule } from '../command.js';
import { OPERATION_HELP } from '../flags.js';

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
  run: runFrom(() => import('./lint.js')),
};
