/**
 * The report model of every verdict (verify, the mock's client verdict, check-pact, lint): plain data that the one
 * console, JSON and JUnit writers render and the CLI maps to an exit code. JSON reports parse back into it
 * (parse.ts), and it merges: findings carry a stable signature, coverage is counts.
 */
import type { FailureReplay, PactOutcome, PhaseOutcome, RunProblem } from '../events/index.js';
import type { Finding, FindingKind } from '../checks/types.js';

/** Which command's verdict a report is. */
export type ReportKind = 'verify' | 'mock' | 'check-pact' | 'lint';

/** One version of the contract document: where it was read from, its `info.title` and `info.version`. */
export interface ContractVersion {
  readonly file: string;
  readonly title: string;
  readonly version: string;
}

/** What was run, against what, for how long. */
export interface ReportMeta {
  /** `PATCH /api/v1/customers/{id}/integrations/{integrationId}`. */
  readonly operation: string;
  readonly contractFile: string;
  readonly contractVersion: string;
  /** The document's `info.title` (`Stigg API`); absent in reports written before it was kept. */
  readonly contractTitle?: string;
  /** The next version of the contract the findings were judged against too (`--contract-next`): drift is told apart. */
  readonly nextContract?: ContractVersion;
  /** Whether contract drift fails the run (`--fail-on-drift`). */
  readonly failOnDrift?: boolean;
  /** The server judged or serving: the provider (verify), the mock (mock). */
  readonly baseUrl?: string;
  /** What `totals.exchanges` counts, singular (default `exchange`; check-pact counts interactions, the mock requests). */
  readonly unit?: string;
  /** More about the run, one line each, shown under the header (the mock's request counts and log file, the pacts checked). */
  readonly notes?: readonly string[];
  readonly seed?: number;
  /** fast-check runs asked for. */
  readonly runs?: number;
  /** ISO timestamp of the start, when the runner gives one. */
  readonly startedAt?: string;
  /** How long the run took (absent when not known: a verdict read back from a log). */
  readonly durationMs?: number;
  /** Time spent waiting as 429 answers' Retry-After said (a gateway's rate limiter), when there was some. */
  readonly rateLimitWaitMs?: number;
  /** The budget of those waits (`--wait-budget`): past it the run stopped waiting, and stopped. */
  readonly waitBudgetMs?: number;
  /** Whether contract defects fail the run (`--strict-contract`). */
  readonly strictContract: boolean;
  /** The run stopped before its end: why, how many planned cases were not sent, and whether Ctrl+C stopped it. */
  readonly stopped?: { readonly reason: string; readonly notRun: number; readonly interrupted?: boolean };
  /** The shard this run was (`verify --shard i/n`), absent for a whole run. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** The seeds of the random phase (a shard's: the run's seed plus its index less one). */
  readonly seeds?: readonly number[];
  /** The fuzzing budget (`--max-time`), when the run had one. */
  readonly maxTimeMs?: number;
  /** A merged report (`report merge`): the reports it joins, the shards among them, and shards of a split run missing. */
  readonly merged?: { readonly reports: number; readonly shards: readonly string[]; readonly missing: readonly string[] };
}

/** How many times one skip reason came up. */
export interface ReasonCount {
  readonly reason: string;
  readonly count: number;
}

/** One check's tallies over the run. */
export interface CheckSummary {
  readonly id: string;
  readonly description: string;
  readonly documents: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly notApplicable: number;
  /** Skip reasons, most frequent first. */
  readonly skipReasons: readonly ReasonCount[];
  /** Findings of each kind (before deduplication). */
  readonly findings: Readonly<Record<FindingKind, number>>;
}

/**
 * A finding that is not about an exchange the harness sent: a client's request to the mock, a pact's interaction, the
 * contract document itself. Where it is, and what the contract expects.
 */
export interface LocatedFinding {
  readonly check: string;
  readonly kind: FindingKind;
  readonly message: string;
  /** `request #3 PUT /api/…` (mock), `pacts/x.json #/interactions/0/response/status` (check-pact), `#/paths/…` (lint). */
  readonly location: string;
  /** What the contract expects, or more about the problem: one line each. */
  readonly details: readonly string[];
}

/** What a report's finding is: one judged exchange (verify), or a located one (mock, check-pact, lint). */
export type ReportFinding = Finding | LocatedFinding;

/** Findings of one check with the same message shape: one exemplar (the smallest request seen) and a count. */
export interface FindingGroup<F extends ReportFinding = ReportFinding> {
  readonly check: string;
  readonly kind: FindingKind;
  /** The message with quoted values and long numbers blanked: what made these findings "the same". */
  readonly shape: string;
  readonly count: number;
  readonly finding: F;
  /** findingSignature of check, kind and shape: equal in every run and shard that found the same problem. */
  readonly signature?: string;
  /** The finding sent again `of` times failed the same way `reproduced` times: reproducible when all, else flaky. */
  readonly confirmed?: { readonly reproduced: number; readonly of: number };
}

/** The result of verifying one pact interaction (filled by the runner). */
export type PactResult = PactOutcome;

/** Seen counts of named things, and the documented ones never seen. */
export interface Tally {
  readonly seen: readonly { readonly value: string; readonly count: number }[];
  readonly notCovered: readonly string[];
}

/** One line of coverage: what is counted (`statuses`, `404 codes`, `/data/syncData branches`, `requests sent`), its tally, and values seen that the contract does not document. */
export interface CoverageLine extends Tally {
  readonly name: string;
  readonly undocumented?: readonly string[];
  /** Documented values no situation of the run calls for (an API-wide enum's other members): counted, not listed. */
  readonly otherDocumented?: number;
}

/**
 * What a run exercised against what the contract documents, as countable lines: mergeable (counts add up; what no
 * run saw stays not covered), in the order a person reads them.
 */
export type Coverage = readonly CoverageLine[];

/** Counts that decide the exit code. */
export interface Totals {
  readonly exchanges: number;
  readonly violations: number;
  readonly contractDefects: number;
  readonly warnings: number;
  /** Findings the pinned contract forbids and the next version allows (0 without a next version). */
  readonly contractDrift: number;
  readonly pactFailures: number;
  /**
   * Exchanges some answer judged: all but those a rate limiter refused (a 429 the case did not mean to meet). A run
   * that judged too few of its cases gives no verdict (verify's; absent in other reports and older ones).
   */
  readonly judged?: number;
}

/** The whole report; `F` narrows what its findings are (verify's are all exchange findings: `VerifyReport`). */
export interface Report<F extends ReportFinding = ReportFinding> {
  readonly kind: ReportKind;
  readonly meta: ReportMeta;
  readonly totals: Totals;
  readonly checks: readonly CheckSummary[];
  /** Grouped and deduplicated, in check-table order, larger groups first within a check. */
  readonly findings: readonly FindingGroup<F>[];
  readonly pacts: readonly PactResult[];
  /** The run's phases in plan order: what each sent, or why it was skipped (verify). */
  readonly phases?: readonly PhaseOutcome[];
  /** The failure database's entries replayed first, each still failing, fixed or not judged (verify). */
  readonly failureReplays?: readonly FailureReplay[];
  readonly coverage: Coverage;
  /** Set when the run could not be done (provider unreachable, ...): exit code 2. */
  readonly aborted?: { readonly reason: string };
  /** What left the run incomplete though it went on (a provider state left in place, a phase cut off): no verdict. */
  readonly problems?: readonly RunProblem[];
}

/** A verify run's report: every finding is about an exchange the harness sent. */
export type VerifyReport = Report<Finding>;
