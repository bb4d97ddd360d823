/**
 * Contract drift: a violation the pinned contract finds and the next version of the contract allows. Each exchange
 * with a violation is judged again by the same checks with the next version's context (compiled by the same
 * pipeline, openContract); a check whose violations the next version no longer finds has them reported as
 * `contract-drift`. Judged per check and exchange, never per message: when the next version still finds a
 * violation in the check's judgement of the exchange, every violation of that check on it stays one.
 */
import type { Intent, RequestCase } from '../arbitraries/types.js';
import { breaksAuth } from './cases.js';
import { API_KEY_PLACEHOLDER } from './documented.js';
import { outcomeOfFindings, runCheck, type CheckRun } from './run.js';
import type { OperationContract } from '../validators/index.js';
import type { Check, CheckContext, CheckOutcome } from './check.js';
import type { Exchange, Finding } from './types.js';

/** What judging drift needs: the run's checks, the pinned contract's context and the next version's. */
export interface DriftJudge {
  readonly checks: readonly Check[];
  readonly pinned: CheckContext;
  readonly next: CheckContext;
}

/** `Stigg API 7.64.2`: how findings and notes name a version of the contract. */
export const versionName = (contract: OperationContract): string => `${contract.contract.title} ${contract.contract.version}`.trim();

const violates = (outcome: CheckOutcome): boolean => 'findings' in outcome && outcome.findings.some((finding) => finding.kind === 'violation');

/**
 * What the case is under the next version. The requests were generated from the pinned contract; the next version
 * may accept one the pinned contract refuses, or refuse one it accepts, and a provider that implements it answers
 * accordingly. A wrong key stays what it is (no schema says which key is right); otherwise the request as sent is
 * validated by the next version (intent reading): no issue, valid; an issue, invalid, keeping the case's own tag when
 * the next version still finds it.
 */
export function intentUnder(judge: Pick<DriftJudge, 'pinned' | 'next'>, testCase: RequestCase): Intent {
  if (breaksAuth(testCase, judge.pinned.facts)) return testCase.expect;
  const key = testCase.key === 'missing' ? {} : Object.fromEntries(judge.pinned.facts.apiKeyHeaders.map((name) => [name, API_KEY_PLACEHOLDER]));
  const result = judge.next.contract.validateRequest({
    method: testCase.method, path: testCase.path, headers: { ...testCase.headers, ...key }, ...(testCase.rawBody === undefined ? {} : { rawBody: testCase.rawBody }),
  });
  if (!result.matched) return testCase.expect;
  // The key's presence is auth_required's business, judged apart from the input (a case without a key keeps its tag).
  const issues = result.intent.filter((issue) => !(issue.part === 'headers' && judge.next.facts.apiKeyHeaders.includes(issue.pointer.slice(1).toLowerCase())));
  const [first] = issues;
  if (first === undefined) return { intent: 'valid' };
  const { expect } = testCase;
  if (expect.intent === 'invalid' && issues.some((issue) => issue.part === expect.breaks.part && issue.pointer === expect.breaks.pointer && issue.keyword === expect.breaks.keyword)) return expect;
  return { intent: 'invalid', breaks: { part: first.part, pointer: first.pointer, keyword: first.keyword } };
}

/** A violation turned into drift: the same finding, its message naming the version that forbids it and the one that allows it. */
function drifted(finding: Finding, judge: DriftJudge): Finding {
  return { ...finding, kind: 'contract-drift', message: `${finding.message}; ${versionName(judge.pinned.contract)} forbids it, ${versionName(judge.next.contract)} allows it` };
}

/**
 * The runs of the checks on one exchange with drift told apart: each check with a violation is run again under the
 * next version; when it then finds no violation (it passes, finds only defects or warnings, or no longer applies,
 * the case being another under the next version) its violations become `contract-drift`. A check the next version
 * cannot judge (skipped) keeps them. Exchanges without a violation are returned as they are.
 */
export function judgeDrift(judge: DriftJudge, exchange: Exchange, runs: readonly CheckRun[]): CheckRun[] {
  if (!runs.some((run) => violates(run.outcome))) return [...runs];
  const again: Exchange = { ...exchange, case: { ...exchange.case, expect: intentUnder(judge, exchange.case) } };
  return runs.map((run) => {
    const check = judge.checks.find((candidate) => candidate.id === run.check);
    if (!check || !('findings' in run.outcome) || !violates(run.outcome)) return run;
    const next = runCheck(check, judge.next, again);
    if (next.status === 'skipped' || violates(next)) return run;
    return { check: run.check, outcome: outcomeOfFindings(run.outcome.findings.map((finding) => (finding.kind === 'violation' ? drifted(finding, judge) : finding))) };
  });
}
