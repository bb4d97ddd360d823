/** `stigg-contract lint`'s run: lists the defects of the contract document itself, in the report model every command shares. */
import { loadContract } from '../../contract/load.js';
import { assertHasOperations, harnessLimits, operationLabel, selectOperation } from '../../contract/select.js';
import type { Contract } from '../../contract/types.js';
import { lintContract, lintOperation } from '../../lint/lint.js';
import { exitCodeOf, formatConsole, formatJson } from '../../report/index.js';
import { lintVerdict, type Untestable } from '../../report/lint-verdict.js';
import { optionsOf } from '../command.js';
import type { CliIo } from '../io.js';
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

/** `stigg-contract lint`'s run (its flags and help are in lint-command.ts). */
export async function run(args: readonly unknown[], io: CliIo): Promise<number> {
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
}
