/**
 * Reports of the verdicts that are not runs of checks over exchanges (the mock's client verdict, check-pact, lint):
 * their findings grouped and counted like verify's, the totals worked out from them, so the exit code and every
 * writer treat all reports alike.
 */
import type { FindingKind } from '../checks/types.js';
import type { OperationContract } from '../validators/index.js';
import type { CheckSummary, ContractVersion, Coverage, FindingGroup, LocatedFinding, PactResult, Report, ReportKind, ReportMeta } from './types.js';

/** One finding, and how many like it (same check, kind and shape) it stands for. */
export interface CountedFinding {
  readonly finding: LocatedFinding;
  readonly count?: number;
  /** What makes findings "the same problem" (default: the message). */
  readonly shape?: string;
}

/** What a located verdict is made of. */
export interface VerdictParts {
  readonly kind: ReportKind;
  readonly meta: ReportMeta;
  /** The units judged (requests, interactions, schemas). */
  readonly exchanges: number;
  readonly checks: readonly CheckSummary[];
  readonly findings: readonly CountedFinding[];
  readonly pacts?: readonly PactResult[];
  readonly coverage?: Coverage;
  /** Set when the verdict could not be given in full (exit 2). */
  readonly aborted?: string;
}

/** The file, title and version of an opened contract: how reports name a version of it. */
export const contractVersionOf = (contract: OperationContract): ContractVersion => ({ file: contract.contract.file, title: contract.contract.title, version: contract.contract.version });

/** `operation`, `contractFile`, `contractVersion` and `contractTitle` of an opened contract. */
export const contractMeta = (contract: OperationContract): Pick<ReportMeta, 'operation' | 'contractFile' | 'contractVersion' | 'contractTitle'> => ({
  operation: `${contract.operation.method} ${contract.operation.pathTemplate}`,
  contractFile: contract.contract.file,
  contractVersion: contract.contract.version,
  contractTitle: contract.contract.title,
});

/** A check's summary row: what it enforces, how many units passed and failed, its findings by kind. */
export function checkRow(id: string, description: string, documents: string, passed: number, failed: number, findings: readonly LocatedFinding[] = []): CheckSummary {
  const count = (kind: FindingKind): number => findings.filter((finding) => finding.check === id && finding.kind === kind).length;
  return { id, description, documents, passed, failed, skipped: 0, notApplicable: 0, skipReasons: [], findings: { violation: count('violation'), 'contract-defect': count('contract-defect'), warning: count('warning'), 'contract-drift': count('contract-drift') } };
}

/** The report: findings grouped by check, kind and shape (first one kept), totals counted. */
export function verdictReport(parts: VerdictParts): Report {
  const groups = new Map<string, { check: string; kind: FindingKind; shape: string; count: number; finding: LocatedFinding }>();
  for (const { finding, count = 1, shape = finding.message } of parts.findings) {
    const key = `${finding.check}\u0000${finding.kind}\u0000${shape}`;
    const group = groups.get(key);
    if (group) group.count += count;
    else groups.set(key, { check: finding.check, kind: finding.kind, shape, count, finding });
  }
  const order = parts.checks.map((check) => check.id);
  const findings: FindingGroup[] = [...groups.values()].sort((a, b) => order.indexOf(a.check) - order.indexOf(b.check));
  const total = (kind: FindingKind): number => findings.filter((group) => group.kind === kind).reduce((sum, group) => sum + group.count, 0);
  const pacts = parts.pacts ?? [];
  return {
    kind: parts.kind,
    meta: parts.meta,
    totals: { exchanges: parts.exchanges, violations: total('violation'), contractDefects: total('contract-defect'), warnings: total('warning'), contractDrift: total('contract-drift'), pactFailures: pacts.filter((pact) => !pact.passed).length },
    checks: parts.checks,
    findings,
    pacts,
    coverage: parts.coverage ?? [],
    ...(parts.aborted === undefined ? {} : { aborted: { reason: parts.aborted } }),
  };
}
