/**
 * Whether a request case is what its label says, judged as sent (after HTTP serialisation) by the intent reading: a
 * valid case has no issue; an invalid one breaks its tagged constraint and nothing elsewhere (a wrong key, which no
 * validator sees, has no issue and is no valid key). Shrinking may move a case off its label — Schemathesis once
 * reported a body as "invalid data accepted" after shrinking had removed its only invalid part — so a shrunk case
 * is judged again before it stands for its tag.
 */
import type { OperationContract } from '../validators/index.js';
import type { RequestCase } from './types.js';

/** Stands for the real key when a case is validated: the validator checks only that the header is there. */
const ANY_KEY = 'stigg-contract-any-key';

/** Why a case is not what its label says, or undefined when it is. */
export function tagProblem(contract: OperationContract, testCase: RequestCase): string | undefined {
  const keyHeader = contract.operation.security[0]?.headerName;
  const headers: Record<string, string> = { ...testCase.headers };
  if (keyHeader && testCase.key !== 'missing') headers[keyHeader] = testCase.key === 'valid' ? ANY_KEY : testCase.key.wrong;
  const result = contract.validateRequest({ method: testCase.method, path: testCase.path, headers, ...(testCase.rawBody === undefined ? {} : { rawBody: testCase.rawBody }) });
  if (!result.matched) return `not a request of this operation: ${result.reason}`;
  const issues = result.intent;
  const shown = (list: typeof issues): string => list.map((issue) => `${issue.part}${issue.pointer} ${issue.keyword}`).join(', ');
  if (testCase.expect.intent === 'valid') return issues.length === 0 ? undefined : `labelled valid, but breaks ${shown(issues)}`;
  const tag = testCase.expect.breaks;
  const label = `${tag.part}${tag.pointer} ${tag.keyword}`;
  if (tag.keyword === 'auth') {
    if (issues.length > 0) return `labelled a wrong key only, but breaks ${shown(issues)}`;
    return testCase.key === 'valid' || testCase.key === 'missing' ? `labelled a wrong key, but sends ${testCase.key === 'valid' ? 'the key' : 'none'}` : undefined;
  }
  if (!issues.some((issue) => issue.part === tag.part && issue.pointer === tag.pointer && issue.keyword === tag.keyword)) return `labelled ${label}, but no longer breaks it`;
  // No key and bad input is one case on purpose (auth comes first): the missing key is what it stands for.
  if (keyHeader !== undefined && tag.part === 'headers' && tag.pointer === `/${keyHeader.toLowerCase()}`) return undefined;
  const elsewhere = issues.filter((issue) => issue.part !== tag.part || issue.pointer !== tag.pointer);
  return elsewhere.length === 0 ? undefined : `labelled ${label}, but breaks ${shown(elsewhere)} too`;
}
