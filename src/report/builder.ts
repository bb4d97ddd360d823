/** The report builder: the runner feeds it outcomes as they come; `build` returns the Report. */
import type { InvalidKind } from '../arbitraries/types.js';
import type { FailureReplay, PhaseOutcome, RunListener, RunProblem, RunStop } from '../events/index.js';
import { checkById } from '../checks/registry.js';
import type { CheckRun } from '../checks/run.js';
import type { Check } from '../checks/check.js';
import { FINDING_KINDS, type Exchange, type Finding, type FindingKind } from '../checks/types.js';
import { isLimiterRefusal } from '../checks/cases.js';
import type { OperationContract } from '../validators/index.js';
import { createCoverage } from './coverage.js';
import { reproducerFor } from './reproducer.js';
import { findingSignature } from './model.js';
import type { CheckSummary, ContractVersion, FindingGroup, PactResult, VerifyReport } from './types.js';
import { contractMeta } from './verdict.js';

/** What the report says about the run besides outcomes. */
export interface ReportBuilderOptions {
  readonly contract: OperationContract;
  /** The checks selected for the run, in table order. */
  readonly checks: readonly Check[];
  readonly baseUrl: string;
  readonly seed?: number;
  readonly runs?: number;
  readonly startedAt?: string;
  readonly strictContract?: boolean;
  /** Every kind of invalid request the generators make (arbitraries' `invalidKinds`), for "not covered". */
  readonly invalidKinds?: readonly InvalidKind[];
  /** The next version of the contract the run judged drift against (`--contract-next`). */
  readonly nextContract?: ContractVersion;
  /** Contract drift fails the run (`--fail-on-drift`). */
  readonly failOnDrift?: boolean;
  /** The run's shard, the random phase's seeds and the fuzzing budget (campaigns). */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly seeds?: readonly number[];
  readonly maxTimeMs?: number;
}

/** Accumulates a run as its listener (the CLI hands it to the runner); call `build` once at the end. */
export interface ReportBuilder extends RunListener {
  /** Records one exchange and the outcomes of the checks run on it. */
  onExchange(exchange: Exchange, runs: readonly CheckRun[]): void;
  onPact(result: PactResult): void;
  /** Marks the run as not done (exit code 2), e.g. the provider was unreachable. */
  onAbort(reason: string): void;
  build(durationMs: number): VerifyReport;
}

/** Groups in report order: by check (in `ids` order), then kind (violations first), then larger groups first. */
export function orderGroups<G extends Pick<FindingGroup, 'check' | 'kind' | 'count'>>(groups: readonly G[], ids: readonly string[]): G[] {
  return [...groups].sort((a, b) => ids.indexOf(a.check) - ids.indexOf(b.check) || FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) || b.count - a.count);
}

/** A message with quoted values and long numbers blanked: findings with the same shape are the same problem. */
export function messageShape(message: string): string {
  return message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d{4,}/g, 'N');
}

interface Tallies { passed: number; failed: number; skipped: number; notApplicable: number; reasons: Map<string, number>; kinds: Record<FindingKind, number> }
const newTallies = (): Tallies => ({ passed: 0, failed: 0, skipped: 0, notApplicable: 0, reasons: new Map(), kinds: { violation: 0, 'contract-defect': 0, warning: 0, 'contract-drift': 0 } });
/** How big a request is, to keep the smallest as a finding's example: its URL and body, in UTF-16 units. */
export const requestSize = (request: { readonly url: string; readonly rawBody?: string | undefined }): number => request.url.length + (request.rawBody?.length ?? 0);

/** Starts a report. */
export function createReportBuilder(options: ReportBuilderOptions): ReportBuilder {
  const order = options.checks.map((check) => check.id);
  const tallies = new Map<string, Tallies>(order.map((id) => [id, newTallies()]));
  const groups = new Map<string, { check: string; kind: FindingKind; shape: string; count: number; finding: Finding; confirmed?: { reproduced: number; of: number } }>();
  const pacts: PactResult[] = [];
  const failureReplays: FailureReplay[] = [];
  const phases: PhaseOutcome[] = [];
  const coverage = createCoverage(options.contract, options.invalidKinds ? { invalidKinds: options.invalidKinds } : {});
  let exchanges = 0;
  let judged = 0;
  let aborted: string | undefined;
  let rateLimitWaitMs = 0;
  let waitBudgetMs: number | undefined;
  let stopped: RunStop | undefined;
  const problems: RunProblem[] = [];

  const tallyOf = (id: string): Tallies => {
    let found = tallies.get(id);
    if (!found) tallies.set(id, (found = newTallies()));
    return found;
  };
  const addFinding = (finding: Finding): void => {
    const shape = messageShape(finding.message);
    const key = `${finding.check}\u0000${finding.kind}\u0000${shape}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { check: finding.check, kind: finding.kind, shape, count: 1, finding });
    else {
      group.count++;
      if (requestSize(finding.request) < requestSize(group.finding.request)) group.finding = finding;
    }
  };

  return {
    onExchange(exchange, runs) {
      exchanges++;
      if (!isLimiterRefusal(exchange)) judged++;
      coverage.observe(exchange);
      for (const { check, outcome } of runs) {
        const tally = tallyOf(check);
        if (outcome.status === 'not-applicable') tally.notApplicable++;
        else if (outcome.status === 'skipped') {
          tally.skipped++;
          tally.reasons.set(outcome.reason, (tally.reasons.get(outcome.reason) ?? 0) + 1);
        } else {
          tally[outcome.status]++;
          for (const finding of outcome.findings) {
            tally.kinds[finding.kind]++;
            addFinding(finding);
          }
        }
      }
    },
    onPact: (result) => void pacts.push(result),
    onPhase: (outcome) => void phases.push(outcome),
    onAbort: (reason) => void (aborted ??= reason),
    onBackoff(waitedMs, budgetMs) {
      rateLimitWaitMs = waitedMs;
      waitBudgetMs = budgetMs;
    },
    onStopped: (stop) => void (stopped ??= stop),
    onProblem: (problem) => void problems.push(problem),
    onFailureReplayed: (replay) => void failureReplays.push(replay),
    onConfirmed(finding, reproduced, of) {
      const group = groups.get(`${finding.check}\u0000${finding.kind}\u0000${messageShape(finding.message)}`);
      if (group) group.confirmed = { reproduced: (group.confirmed?.reproduced ?? 0) + reproduced, of: (group.confirmed?.of ?? 0) + of };
    },
    build(durationMs) {
      const ids = [...order, ...[...tallies.keys()].filter((id) => !order.includes(id))];
      const checks: CheckSummary[] = ids.map((id) => {
        const tally = tallyOf(id);
        const check = options.checks.find((c) => c.id === id) ?? checkById(id);
        const skipReasons = [...tally.reasons].map(([reason, count]) => ({ reason, count }))
          .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
        const { passed, failed, skipped, notApplicable } = tally;
        const about = { id, description: check?.description ?? '', documents: check?.documents ?? '' };
        return { ...about, passed, failed, skipped, notApplicable, skipReasons, findings: { ...tally.kinds } };
      });
      const findings: FindingGroup<Finding>[] = orderGroups([...groups.values()], ids)
        .map((group) => ({ ...group, signature: findingSignature(group), finding: { ...group.finding, reproducer: reproducerFor(group.finding) } }));
      const count = (kind: FindingKind): number => findings.filter((g) => g.kind === kind).reduce((sum, g) => sum + g.count, 0);
      const { contract } = options;
      return {
        kind: 'verify',
        meta: {
          ...contractMeta(contract),
          ...(options.nextContract === undefined ? {} : { nextContract: options.nextContract, failOnDrift: options.failOnDrift ?? false }),
          baseUrl: options.baseUrl,
          ...(options.seed === undefined ? {} : { seed: options.seed }),
          ...(options.runs === undefined ? {} : { runs: options.runs }),
          ...(options.startedAt === undefined ? {} : { startedAt: options.startedAt }),
          durationMs,
          ...(rateLimitWaitMs > 0 ? { rateLimitWaitMs } : {}),
          ...(rateLimitWaitMs > 0 && waitBudgetMs !== undefined ? { waitBudgetMs } : {}),
          strictContract: options.strictContract ?? false,
          ...(stopped === undefined ? {} : { stopped }),
          ...(options.shard === undefined ? {} : { shard: options.shard }),
          ...(options.seeds === undefined ? {} : { seeds: options.seeds }),
          ...(options.maxTimeMs === undefined ? {} : { maxTimeMs: options.maxTimeMs }),
        },
        totals: {
          exchanges,
          violations: count('violation'),
          contractDefects: count('contract-defect'),
          warnings: count('warning'),
          contractDrift: count('contract-drift'),
          pactFailures: pacts.filter((p) => !p.passed).length,
          judged,
        },
        checks,
        findings,
        pacts: [...pacts],
        ...(phases.length === 0 ? {} : { phases: [...phases] }),
        ...(failureReplays.length === 0 ? {} : { failureReplays: [...failureReplays] }),
        coverage: coverage.snapshot(),
        ...(aborted === undefined ? {} : { aborted: { reason: aborted } }),
        ...(problems.length === 0 ? {} : { problems: [...problems] }),
      };
    },
  };
}
