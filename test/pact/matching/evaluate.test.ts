import { expect } from 'chai';
import fc from 'fast-check';
import { httpOf } from '../../../src/pact/check/pact-http.js';
import { admission } from '../../../src/pact/check/probes.js';
import { rulesOf, type Matcher } from '../../../src/pact/check/rules.js';
import { evaluateMatcher } from '../../../src/pact/matching/evaluate.js';
import { requestMatches } from '../../../src/runners/mock/index.js';
import { pactVerdicts } from './pact-oracle.js';

const TEMPLATE = '/api/v1/customers/{id}/integrations/{integrationId}';
const PATH = '/api/v1/customers/acme/integrations/int-1';

/** A matcher as a pact file writes it, and as pact-js takes it (`pact:matcher:type` templates). */
interface Case {
  readonly matcher: Matcher;
  readonly example: unknown;
  readonly template: unknown;
}
const matcherCase = (matcher: Matcher, example: unknown): Case => {
  const { match, ...config } = matcher;
  return { matcher, example, template: { 'pact:matcher:type': match, ...config, value: example } };
};

const CASES: readonly Case[] = [
  matcherCase({ match: 'type' }, 'abc'),
  matcherCase({ match: 'type' }, 5),
  matcherCase({ match: 'equality' }, 'abc'),
  matcherCase({ match: 'regex', regex: '^\\d+$' }, '12'),
  matcherCase({ match: 'regex', regex: '(?i)^abc$' }, 'abc'),
  matcherCase({ match: 'regex', regex: '^(?:STRIPE|ZUORA)$' }, 'STRIPE'),
  // pact-js writes the example as the substring too.
  matcherCase({ match: 'include', value: 'b' }, 'b'),
  matcherCase({ match: 'integer' }, 1),
  matcherCase({ match: 'decimal' }, 1.5),
  matcherCase({ match: 'number' }, 1),
  matcherCase({ match: 'boolean' }, true),
  matcherCase({ match: 'null' }, null),
  matcherCase({ match: 'notEmpty' }, 'x'),
  matcherCase({ match: 'semver' }, '1.0.0'),
];

// Values a matcher could meet: near misses of every example, then whatever fast-check draws (fixed seed).
const EDGES: readonly unknown[] = ['abc', 'ABC', 'aBc', 'abd', '', '12', '1.5', '42', '+42', 'true', 'false', 'TRUE', 'null', '1.0.0', '1.0', 'v1.0.0',
  '1.0.0-rc.1', 'STRIPE', 'stripe', 'xSTRIPE', 'b', 0, 1, -1, 2, 12, 1.5, -0.25, 2147483648, true, false, null, [], ['b'], [1, 2], {}, { b: 1 }];
const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('abc', 'ABC', '12', '1.5', 'true'), fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)), fc.boolean(), fc.constant(null));
const json = fc.oneof({ arbitrary: scalar, weight: 4 }, fc.array(scalar, { maxLength: 2 }), fc.dictionary(fc.constantFrom('a', 'b'), scalar, { maxKeys: 2 }));
const VALUES: readonly unknown[] = [...EDGES, ...fc.sample(json, { seed: 15, numRuns: 40 })];

/** The mock's answer: does a request with body `{"v": value}` match an interaction with that matcher at `$.v`? */
function mockMatches(testCase: Case, value: unknown): boolean {
  const node = { description: 'x', request: { method: 'PATCH', path: PATH, body: { v: testCase.example }, matchingRules: { body: { '$.v': { combine: 'AND', matchers: [testCase.matcher] } } } }, response: { status: 200 } };
  const http = httpOf(node, '/interactions/0');
  if ('skip' in http) throw new Error(http.skip);
  const request = { method: 'PATCH', path: PATH, headers: {}, rawBody: JSON.stringify({ v: value }) };
  return requestMatches(TEMPLATE, http, rulesOf(http.request.node, '/interactions/0/request'), request);
}

/** check-pact's answer: does the matcher admit the value in place of the example? */
function probeAdmits(testCase: Case, value: unknown): boolean {
  const admitted = admission({ combine: 'AND', matchers: [testCase.matcher] }, testCase.example);
  if (!admitted.decidable) throw new Error(admitted.reason);
  return admitted.admits(value);
}

describe('pact/matching: one evaluator of matching rules, the same verdicts as the Pact core', function () {
  this.timeout(30_000);

  it(`agrees with the Pact mock server, and the mock and check-pact agree with it, on ${CASES.length} matchers × ${VALUES.length} values`, async () => {
    const disagreements: string[] = [];
    const verdicts = await Promise.all(CASES.map((testCase) => pactVerdicts(testCase.template, VALUES)));
    CASES.forEach((testCase, caseIndex) => {
      const evaluated = evaluateMatcher(testCase.matcher);
      if ('reason' in evaluated) throw new Error(evaluated.reason);
      VALUES.forEach((value, valueIndex) => {
        const pact = verdicts[caseIndex]?.[valueIndex];
        const ours = { evaluator: evaluated.admits(testCase.example, value), mock: mockMatches(testCase, value), checkPact: probeAdmits(testCase, value) };
        for (const [who, verdict] of Object.entries(ours)) {
          if (verdict !== pact) disagreements.push(`${JSON.stringify(testCase.matcher)} on ${JSON.stringify(value)}: Pact ${pact}, ${who} ${verdict}`);
        }
      });
    });
    expect(disagreements).to.deep.equal([]);
  });

  it('pins the settled cases: decimal wants a fraction, (?i) ignores case, a regex reads numbers as text, boolean takes "true"', () => {
    const admits = (matcher: Matcher, example: unknown, value: unknown): boolean => {
      const evaluated = evaluateMatcher(matcher);
      return 'admits' in evaluated && evaluated.admits(example, value);
    };
    expect([2, 1.5, '1.5'].map((value) => admits({ match: 'decimal' }, 1.5, value))).to.deep.equal([false, true, false]);
    expect([1, 1.5, '42'].map((value) => admits({ match: 'integer' }, 1, value))).to.deep.equal([true, false, false]);
    expect(['ABC', 'aBc', 'abd'].map((value) => admits({ match: 'regex', regex: '(?i)^abc$' }, 'abc', value))).to.deep.equal([true, true, false]);
    expect([12, null, true].map((value) => admits({ match: 'regex', regex: '^\\d+$' }, '12', value))).to.deep.equal([true, false, false]);
    expect(['true', 'false', 'TRUE', 1].map((value) => admits({ match: 'boolean' }, true, value))).to.deep.equal([true, true, false, false]);
    expect([5, false, '', [], {}, null].map((value) => admits({ match: 'notEmpty' }, 'x', value))).to.deep.equal([true, true, false, false, false, false]);
    expect(evaluateMatcher({ match: 'timestamp', timestamp: 'yyyy' })).to.have.property('reason').that.contains('"timestamp"');
  });
});
