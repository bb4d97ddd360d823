/** The Check shape: what a check declares, receives and returns, and the outcome runCheck tallies from it. */
import type { RequestCase } from '../arbitraries/types.js';
import type { OperationContract } from '../validators/index.js';
import type { ContractFacts } from './facts.js';
import type { Exchange, Finding, ReceivedResponse, Relation, Scenario } from './types.js';

/** The exchange cannot be judged by this check (missing data state, rate limited, ...): the reason is reported. */
export interface Skipped {
  readonly skipped: string;
}

/** The check has nothing to say about this exchange (e.g. an error-code check on a 200): neither pass nor skip. */
export interface NotApplicable {
  readonly notApplicable: string;
}

/** What a check's `run` returns: findings (empty = passed), or why it did not judge. Never thrown. */
export type CheckResult = readonly Finding[] | Skipped | NotApplicable;

/** The tallied outcome of one check on one exchange. Warnings alone do not fail a check. */
export type CheckOutcome =
  | { readonly status: 'passed'; readonly findings: readonly Finding[] }
  | { readonly status: 'failed'; readonly findings: readonly Finding[] }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'not-applicable' };

/** What every check receives besides the exchange: the operation's contract and facts derived from it once. */
export interface CheckContext {
  readonly contract: OperationContract;
  readonly facts: ContractFacts;
}

/** An exchange whose request was answered: what a check that needs a response receives. */
export interface AnsweredExchange extends Exchange {
  readonly response: ReceivedResponse;
}

/** What every check declares besides its judgement; runCheck applies the preconditions, in this order. */
interface CheckDeclaration {
  readonly id: string;
  /** One line: what it catches. */
  readonly description: string;
  /** One line: the documented behaviour it enforces, quoting or pointing at the contract. */
  readonly documents: string;
  /** A related exchange the check compares with; runners send it for cases the check applies to. */
  readonly needs?: Relation;
  /**
   * The check also judges requests whose path is not an instance of the operation's template (see checks/scope.ts);
   * every other check finds such an exchange not applicable.
   */
  readonly judgesAnyPath?: true;
  /**
   * The data scenarios the check judges; absent, every one. On unknown data it then skips (no evidence about the data),
   * on another scenario it is not applicable, and on a scenario about other ids than the case addresses it skips.
   */
  readonly scenarios?: readonly Scenario['kind'][];
  /** `skip`: a 429 is a rate limiter's answer, no evidence either way. Absent: a 429 is judged like any answer. */
  readonly onRateLimited?: 'skip';
  /** Whether the check is about this kind of case at all (runners may use it to plan what to send). */
  applies(testCase: RequestCase): boolean;
  /**
   * What the check decides from the case, its data and the contract alone, before runCheck looks at the answer
   * (whether one came, whether it is a 429); undefined to go on. For a result that must not wait on the answer.
   */
  beforeAnswer?(context: CheckContext, exchange: Exchange): CheckResult | undefined;
}

/** A check that judges answers: without one (a transport failure) it skips, saying why, and `run` sees the response. */
export interface AnswerCheck extends CheckDeclaration {
  readonly needsResponse: true;
  run(context: CheckContext, exchange: AnsweredExchange): CheckResult;
}

/** A check that judges a transport failure too (not_a_server_error). */
export interface OutcomeCheck extends CheckDeclaration {
  readonly needsResponse?: false;
  run(context: CheckContext, exchange: Exchange): CheckResult;
}

/** One check: a pure function of (context, exchange), with an id for `--checks` and the behaviour it enforces. */
export type Check = AnswerCheck | OutcomeCheck;
