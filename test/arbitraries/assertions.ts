/**
 * The one shared assertion: "this generator is correct" means every case it makes, once serialised for HTTP, is
 * judged by the intent validator exactly as its label says. Each test is then one line per arbitrary.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  buildRequest, validRequest, type BreakTag, type HeaderCase, type Intent, type RawBody, type RequestCase, type RequestParts, type Tagged,
} from '../../src/arbitraries/index.js';
import type { OperationContract, ValidationIssue } from '../../src/validators/index.js';

/** Fixed seeds: a failure here replays exactly. */
export const SEED = 20_260_101;
/** The key a runner would inject; the validator only checks the header is there. */
export const TEST_KEY = 'test-api-key';

const sameTag = (issue: ValidationIssue, tag: BreakTag): boolean => issue.part === tag.part && issue.pointer === tag.pointer && issue.keyword === tag.keyword;

/** The intent validator's issues for a case as sent: the API key injected (or not) as a runner would. */
export function intentIssues(contract: OperationContract, c: RequestCase): ValidationIssue[] {
  const keyHeader = contract.operation.security[0]?.headerName;
  const headers: Record<string, string> = { ...c.headers };
  if (keyHeader && c.key !== 'missing') headers[keyHeader] = c.key === 'valid' ? TEST_KEY : c.key.wrong;
  const result = contract.validateRequest({ method: c.method, path: c.path, headers, ...(c.rawBody === undefined ? {} : { rawBody: c.rawBody }) });
  if (!result.matched) throw new Error(`not this operation: ${result.reason} (${c.path})`);
  return result.intent;
}

/**
 * Asserts one case is what it claims. Valid: no intent issue. Invalid: an issue with the tag's part, pointer and
 * keyword, and no issue anywhere else (one constraint broken). `auth`: invisible to the validator, so no issue, and
 * a key that is present but not the valid one.
 */
export function assertCase(contract: OperationContract, c: RequestCase): void {
  const issues = intentIssues(contract, c);
  const shown = `${JSON.stringify(c)}\nissues: ${JSON.stringify(issues)}`;
  if (c.expect.intent === 'valid') {
    expect(issues, `valid case rejected: ${shown}`).to.deep.equal([]);
    return;
  }
  const tag = c.expect.breaks;
  if (tag.keyword === 'auth') {
    expect(issues, `auth case has other issues: ${shown}`).to.deep.equal([]);
    expect(c.key !== 'valid' && c.key !== 'missing' && c.key.wrong !== TEST_KEY, `auth case must send a wrong key: ${shown}`).to.equal(true);
    return;
  }
  expect(issues.some((issue) => sameTag(issue, tag)), `invalid case not rejected on ${JSON.stringify(tag)}: ${shown}`).to.equal(true);
  const elsewhere = issues.filter((issue) => issue.part !== tag.part || issue.pointer !== tag.pointer);
  expect(elsewhere, `invalid case breaks more than ${JSON.stringify(tag)}: ${shown}`).to.deep.equal([]);
}

/** Asserts every case an arbitrary makes is what it claims (fixed seed). */
export function assertCorrect(contract: OperationContract, cases: fc.Arbitrary<RequestCase>, numRuns = 200): void {
  fc.assert(fc.property(cases, (c) => assertCase(contract, c)), { seed: SEED, numRuns });
}

/** Asserts one response body is judged as labelled (serialised, then validated for `status`); `tag` undefined = valid. */
export function assertResponse(contract: OperationContract, status: number, value: unknown, tag?: BreakTag): void {
  const result = contract.validateResponse({ status, rawBody: JSON.stringify(value) });
  if (!result.matched) throw new Error(result.reason);
  const shown = `${JSON.stringify(value)} (${JSON.stringify(tag ?? 'valid')})\nissues: ${JSON.stringify(result.intent)}`;
  if (!tag) return void expect(result.intent, `valid response rejected: ${shown}`).to.deep.equal([]);
  expect(result.intent.some((issue) => sameTag(issue, tag)), `not rejected on its tag: ${shown}`).to.equal(true);
  expect(result.intent.filter((issue) => issue.pointer !== tag.pointer), `breaks more than its tag: ${shown}`).to.deep.equal([]);
}

/** Asserts every body a valid response arbitrary makes is valid for `status` (fixed seed). */
export function assertResponses(contract: OperationContract, status: number, bodies: fc.Arbitrary<unknown>, numRuns = 200): void {
  fc.assert(fc.property(bodies, (body) => assertResponse(contract, status, body)), { seed: SEED, numRuns });
}

/** Asserts every tagged body an invalid response arbitrary makes is rejected on its tag, and only there. */
export function assertBadResponses(contract: OperationContract, status: number, bodies: fc.Arbitrary<Tagged<unknown>>, numRuns = 200): void {
  fc.assert(fc.property(bodies, ({ value, breaks }) => assertResponse(contract, status, value, breaks)), { seed: SEED, numRuns });
}

const bases = new WeakMap<OperationContract, RequestParts>();

/** A fixed valid request's parts, into which a part-level value is placed to be judged as part of a whole request. */
export function baseParts(contract: OperationContract): RequestParts {
  const cached = bases.get(contract);
  if (cached) return cached;
  const [base] = fc.sample(validRequest(contract), { seed: SEED, numRuns: 1 });
  if (!base) throw new Error('no base request');
  const body: RawBody = base.rawBody === undefined ? { kind: 'absent' } : { kind: 'json', value: JSON.parse(base.rawBody) };
  const parts: RequestParts = { params: base.params, encoding: base.encoding, headers: { headers: base.headers, key: base.key }, body };
  bases.set(contract, parts);
  return parts;
}

const intentOf = (breaks?: BreakTag): Intent => (breaks ? { intent: 'invalid', breaks } : { intent: 'valid' });

/** Places path parameter values (plain = valid, tagged = invalid) into the base request. */
export const inPath = (contract: OperationContract, name: string) => (value: string | Tagged<string>): RequestCase => {
  const base = baseParts(contract);
  const [raw, breaks] = typeof value === 'string' ? [value, undefined] : [value.value, value.breaks];
  return buildRequest(contract, { ...base, params: { ...base.params, [name]: raw }, expect: intentOf(breaks) });
};

/** Places a valid body value into the base request. */
export const withBody = (contract: OperationContract) => (value: unknown): RequestCase =>
  buildRequest(contract, { ...baseParts(contract), body: { kind: 'json', value } });

/** Places a tagged invalid body into the base request. */
export const withBadBody = (contract: OperationContract) => ({ value, breaks }: Tagged<RawBody>): RequestCase =>
  buildRequest(contract, { ...baseParts(contract), body: value, expect: intentOf(breaks) });

/** Places headers (plain = valid, tagged = invalid) into the base request. */
export const withHeaders = (contract: OperationContract) => (value: HeaderCase | Tagged<HeaderCase>): RequestCase => {
  const [headers, breaks] = 'breaks' in value ? [value.value, value.breaks] : [value, undefined];
  return buildRequest(contract, { ...baseParts(contract), headers, expect: intentOf(breaks) });
};
