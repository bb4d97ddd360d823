/**
 * lint's verdict in the one report model: a check per rule, each defect a contract-defect finding at its JSON pointer
 * with the example on which the two readings disagree. Defects fail only when strict, as everywhere.
 */
import type { Contract, OperationModel } from '../contract/types.js';
import type { Defect } from '../lint/defect.js';
import { RULES } from '../lint/lint.js';
import { preview } from '../validators/issue.js';
import type { Report } from './types.js';
import { checkRow, verdictReport, type CountedFinding } from './verdict.js';

/** An operation of the document the harness cannot test, and why (a warning in lint's report: no defect of the document). */
export interface Untestable {
  readonly operation: string;
  readonly pointer: string;
  readonly reason: string;
}

/** What lint looked at: every operation by default, or the one `--operation` picked; and the untestable ones. */
export interface LintScope {
  readonly operations?: readonly OperationModel[];
  readonly untestable?: readonly Untestable[];
}

/** The defects of a contract as a Report (`strict`: defects fail, exit 1); operations the harness cannot test are warnings. */
export function lintVerdict(contract: Contract, defects: readonly Defect[], strict = false, scope: LintScope = {}): Report {
  const operations = scope.operations ?? contract.operations;
  const limits: CountedFinding[] = (scope.untestable ?? []).map((entry) => ({
    finding: { check: 'harness-limits', kind: 'warning', message: `${entry.operation}: the harness cannot test it: ${entry.reason}`, location: `#${entry.pointer}`, details: [] },
    shape: `${entry.pointer} ${entry.reason}`,
  }));
  const findings: CountedFinding[] = defects.map((defect) => ({
    finding: {
      check: defect.rule, kind: 'contract-defect', message: defect.message, location: `#${defect.pointer}`,
      details: [`example: ${preview(defect.example, 120)} (strictly ${defect.strictly}, meant the other way)`],
    },
    shape: `${defect.pointer} ${defect.message}`,
  }));
  findings.push(...limits);
  const located = findings.map((item) => item.finding);
  return verdictReport({
    kind: 'lint',
    meta: {
      operation: operations.map((operation) => `${operation.method} ${operation.pathTemplate}`).join(', '),
      contractFile: contract.file,
      contractVersion: contract.version,
      contractTitle: contract.title,
      strictContract: strict,
      unit: 'operation',
    },
    exchanges: operations.length,
    checks: RULES.map((rule) => {
      const found = defects.some((defect) => defect.rule === rule.id);
      return checkRow(rule.id, rule.summary, 'the OpenAPI 3.0.3 text, read strictly', found && strict ? 0 : 1, found && strict ? 1 : 0, located);
    }),
    findings,
  });
}
