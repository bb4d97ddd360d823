/**
 * The client report: the mock's verdict on a client's run, built from log entries only (live, or read back from a
 * `--log` file), so both ways give the same report and exit code. A run fails when a request broke the contract,
 * when a request addressed no documented operation (another method, a path outside the template), when the
 * client's own command failed, or when no request came at all; each problem is named with what the contract
 * expected. Coverage comes beside it.
 */
import { contractFacts, failsRun } from '../../checks/index.js';
import type { RunListener } from '../../events/index.js';
import type { RecordedPact } from '../../pact/record/index.js';
import type { OperationContract } from '../../validators/index.js';
import { CoverageTally, type CoverageItem } from './client-coverage.js';
import { describeIssue } from './decide.js';
import type { DriftPlan } from './drift.js';
import type { LogEntry } from './log.js';
import { coherentPointers } from './respond.js';
import { shapeDimensions } from '../../checks/response-shapes.js';

/** How the client's command ended (one-command mode only); `message` says why an in-process suite failed. */
export type CommandOutcome = { readonly exitCode: number | null; readonly signal: string | null; readonly message?: string } | { readonly error: string };

/** `--record-pact` when the client's command failed: no pact is written from a failing run, and this says why. */
export interface WithheldPact {
  readonly withheld: string;
}

/** Requests with the same problem, counted, with the first one as the example. */
export interface ClientProblem {
  readonly kind: 'violation' | 'unmatched' | 'contract-defect';
  readonly count: number;
  readonly first: { readonly index: number; readonly method: string; readonly path: string };
  /** What is wrong, each with what the contract expects. */
  readonly details: readonly string[];
}

/** The values only the next version of the contract allows that the client met (`--contract-next`). */
export interface ClientDrift {
  /** `Stigg API 7.65.0` (`the next version` when read from a log without it). */
  readonly next: string;
  readonly met: readonly { readonly value: string; readonly count: number }[];
  /** Values the mock would have served had the client asked for more successes. */
  readonly notMet: readonly string[];
  /** Changes of the next version the mock cannot serve a value of, with why. */
  readonly unserved: readonly string[];
}

/** The verdict on a client's run. */
export interface ClientReport {
  readonly requests: number;
  /** How many runs the entries hold (a log file is appended to; each run numbers its requests from 0). */
  readonly runs: number;
  readonly verdicts: Readonly<Record<LogEntry['verdict'], number>>;
  readonly problems: readonly ClientProblem[];
  readonly coverage: readonly CoverageItem[];
  readonly command?: CommandOutcome;
  /** The pact recorded from the run's valid exchanges (`--record-pact`). */
  readonly pact?: RecordedPact | WithheldPact;
  /** Whether error drills were on (or seen in the log): their coverage group is then worth showing. */
  readonly drills: boolean;
  /** With a next version (or drift seen in the log): the drift values the client met. */
  readonly drift?: ClientDrift;
  readonly strictContract: boolean;
  readonly passed: boolean;
}

/** Distinct problems kept in a report (each counted in full); enough for any real client, bounded for any log. */
const MAX_PROBLEMS = 50;

/** Builds a ClientReport entry by entry: a run listener of the mock's events, or fed a saved log's lines. */
export class ClientReportBuilder implements RunListener {
  readonly #problems = new Map<string, ClientProblem & { count: number }>();
  readonly #verdicts: Record<LogEntry['verdict'], number> = { valid: 0, violation: 0, 'contract-defect': 0, unmatched: 0 };
  readonly #coverage: CoverageTally;
  readonly #expected: string;
  readonly #strictContract: boolean;
  readonly #driftPlan: DriftPlan | undefined;
  readonly #driftMet = new Map<string, number>();
  #drills: boolean;
  #requests = 0;
  #runs = 0;

  constructor(contract: OperationContract, options: { readonly drills?: boolean; readonly strictContract?: boolean; readonly drift?: DriftPlan } = {}) {
    this.#driftPlan = options.drift;
    const facts = contractFacts(contract);
    this.#coverage = new CoverageTally(contract, facts, facts.successSchema ? shapeDimensions(facts.successSchema, coherentPointers(facts)) : []);
    this.#expected = `${contract.operation.method} ${contract.operation.pathTemplate}`;
    this.#strictContract = options.strictContract === true;
    this.#drills = options.drills === true;
  }

  /** The mock's run event: one more request. */
  readonly onClientExchange = (entry: LogEntry): void => this.add(entry);

  /** Adds one log entry. */
  add(entry: LogEntry): void {
    this.#requests++;
    if (entry.drill !== undefined) this.#drills = true;
    if (entry.drift !== undefined) this.#driftMet.set(entry.drift, (this.#driftMet.get(entry.drift) ?? 0) + 1);
    if (entry.index === 0) this.#runs++;
    this.#verdicts[entry.verdict]++;
    this.#coverage.add(entry);
    if (entry.verdict === 'valid') return;
    const details = entry.verdict === 'unmatched'
      ? [`${entry.reason ?? 'not this operation'}; expected ${this.#expected}`]
      : entry.issues.map(describeIssue);
    const key = entry.verdict === 'unmatched'
      ? `unmatched ${entry.request.method.toUpperCase()} ${(entry.reason ?? '').startsWith('method') ? 'method' : 'path'}`
      : `${entry.verdict} ${entry.issues.map((issue) => `${issue.part} ${issue.pointer} ${issue.keyword}`).join('; ')}`;
    const known = this.#problems.get(key);
    if (known) known.count++;
    else if (this.#problems.size < MAX_PROBLEMS) this.#problems.set(key, { kind: entry.verdict, count: 1, first: { index: entry.index, method: entry.request.method, path: entry.request.path }, details });
  }

  /** The drift values met, and those the plan had that were not, when there was a plan or the log shows drift. */
  #drift(): { drift?: ClientDrift } {
    const plan = this.#driftPlan;
    if (plan === undefined && this.#driftMet.size === 0) return {};
    const met = [...this.#driftMet].map(([value, count]) => ({ value, count }));
    const notMet = (plan?.values ?? []).map((value) => value.label).filter((label) => !this.#driftMet.has(label));
    return { drift: { next: plan?.next ?? 'the next version', met, notMet, unserved: plan?.unserved ?? [] } };
  }

  /** The report; `command` is how the client's command ended, in one-command mode, and `pact` what was recorded. */
  build(command?: CommandOutcome, pact?: RecordedPact | WithheldPact): ClientReport {
    const commandOk = command === undefined || ('exitCode' in command && command.exitCode === 0);
    const defectsFail = this.#verdicts['contract-defect'] > 0 && failsRun('contract-defect', this.#strictContract);
    // No request at all is no evidence: the client likely went elsewhere (does it read STIGG_BASE_URL?).
    const passed = this.#requests > 0 && this.#verdicts.violation === 0 && this.#verdicts.unmatched === 0 && !defectsFail && commandOk;
    return {
      requests: this.#requests,
      runs: Math.max(this.#runs, this.#requests > 0 ? 1 : 0),
      verdicts: { ...this.#verdicts },
      problems: [...this.#problems.values()].map((problem) => ({ ...problem })),
      coverage: this.#coverage.items.map((item) => ({ ...item })),
      ...(command === undefined ? {} : { command }),
      ...(pact === undefined ? {} : { pact }),
      drills: this.#drills,
      ...this.#drift(),
      strictContract: this.#strictContract,
      passed,
    };
  }
}

/** The exit code of a client run: 0 passed, 1 failed (a broken request, a request to no operation, a failed command). */
export const clientExitCode = (report: ClientReport): number => (report.passed ? 0 : 1);
