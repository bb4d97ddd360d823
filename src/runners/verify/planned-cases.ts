/** What phase 2 generates: a request case aimed at a fixture (or at unknown data), with the scenario it meets. */
import fc from 'fast-check';
import { anyRequest, invalidRequest, unauthenticatedRequest, validRequest, type RequestCase } from '../../arbitraries/index.js';
import type { Scenario } from '../../checks/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { Fixture } from './plan.js';
import { apiKeyHeaderOf } from '../../contract/operation.js';
import { headerKey } from '../../http/headers.js';

/** One generated case and the data state it meets. */
export interface PlannedCase {
  readonly case: RequestCase;
  readonly scenario: Scenario;
}

const aimed = (arbitrary: fc.Arbitrary<RequestCase>, scenario: Scenario): fc.Arbitrary<PlannedCase> =>
  arbitrary.map((testCase) => ({ case: testCase, scenario }));

/** An invalid path parameter replaces the fixture's value, so the data it aimed at is no longer addressed. */
function scenarioOf(testCase: RequestCase, aimedAt: Scenario): Scenario {
  const breaks = testCase.expect.intent === 'invalid' ? testCase.expect.breaks : undefined;
  return breaks?.part === 'path' ? { kind: 'unknown' } : aimedAt;
}

/**
 * Requests without a valid key that also break another rule: the contract documents 401 and 400 for them and leaves
 * their order open, so auth_required takes either (a 400 with a warning) and nothing else. Tagged with the key's
 * constraint.
 */
function unauthenticatedWithBadInput(contract: OperationContract, params: Readonly<Record<string, string>> | undefined): fc.Arbitrary<RequestCase> {
  const keyHeader = apiKeyHeaderOf(contract.operation);
  const keyPointer = `/${headerKey(keyHeader ?? '')}`;
  const otherBreaks = invalidRequest(contract, { ...(params ? { params } : {}), where: (kind) => !(kind.part === 'headers' && kind.pointer === keyPointer) });
  return otherBreaks.map((testCase): RequestCase => ({ ...testCase, key: 'missing', expect: { intent: 'invalid', breaks: { part: 'headers', pointer: keyPointer, keyword: 'required' } } }));
}

/**
 * The case mix: mostly valid and invalid requests on existing data (where each check can judge), then requests
 * without a valid key, then the not-found and forbidden fixtures. Without fixtures, every case meets unknown data,
 * and the data-dependent checks skip with that reason.
 */
export function plannedCases(contract: OperationContract, fixtures: readonly Fixture[]): fc.Arbitrary<PlannedCase> {
  if (fixtures.length === 0) {
    return fc.oneof(
      { arbitrary: aimed(anyRequest(contract), { kind: 'unknown' }), weight: 4 },
      { arbitrary: aimed(unauthenticatedRequest(contract), { kind: 'unknown' }), weight: 1 },
      { arbitrary: aimed(unauthenticatedWithBadInput(contract, undefined), { kind: 'unknown' }), weight: 1 },
    );
  }
  const weighted = fixtures.flatMap((fixture) => {
    const options = { params: fixture.params };
    const valid = { arbitrary: aimed(validRequest(contract, options), fixture.scenario), weight: fixture.scenario.kind === 'existing' ? 6 : 2 };
    if (fixture.scenario.kind !== 'existing') return [valid];
    const invalid = invalidRequest(contract, options).map((testCase) => ({ case: testCase, scenario: scenarioOf(testCase, fixture.scenario) }));
    return [
      valid,
      { arbitrary: invalid, weight: 6 },
      { arbitrary: aimed(unauthenticatedRequest(contract, options), fixture.scenario), weight: 1 },
      { arbitrary: aimed(unauthenticatedWithBadInput(contract, fixture.params), { kind: 'unknown' }), weight: 1 },
    ];
  });
  return fc.oneof(...weighted);
}
