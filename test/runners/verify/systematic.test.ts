import { expect } from 'chai';
import { edgeBodies, edgeFixtureIds, edgeHeaders, edgeKinds, edgePathValues } from '../../../src/arbitraries/index.js';
import type { Fixture } from '../../../src/runners/verify/plan.js';
import { systematicCases } from '../../../src/runners/verify/systematic.js';
import { openContract, type OperationContract } from '../../../src/validators/index.js';
import { assertCase, intentIssues } from '../../arbitraries/assertions.js';
import type { SystematicCase } from '../../../src/runners/verify/systematic.js';

/**
 * Every case is what it claims; an auth-first case (no key, and input that breaks one other constraint) is rejected
 * for the missing key and for exactly one other pointer (the provider may answer either first: 401 or 400).
 */
function assertSystematic(c: OperationContract, planned: SystematicCase): void {
  if (!planned.edgeClass.startsWith('auth-first:')) return assertCase(c, planned.case);
  const issues = intentIssues(c, planned.case);
  expect(planned.case.key, planned.edgeClass).to.equal('missing');
  expect(issues.some((issue) => issue.part === 'headers' && issue.keyword === 'required'), planned.edgeClass).to.equal(true);
  const others = new Set(issues.filter((issue) => issue.part !== 'headers').map((issue) => `${issue.part}${issue.pointer}`));
  expect(others.size, `${planned.edgeClass}: ${JSON.stringify(issues)}`).to.equal(1);
}

/** The edge fixtures as their states make them (existing, or absent), plus one fixture of each other scenario. */
function fixturesOf(c: OperationContract): Fixture[] {
  const edges: Fixture[] = edgeFixtureIds(c).map((f) => ({
    params: { id: f.customerId, integrationId: f.integrationId },
    scenario: f.presence === 'existing' ? { kind: 'existing', customerId: f.customerId, integrationId: f.integrationId } : { kind: f.presence, customerId: f.customerId, integrationId: f.integrationId },
    edgeClass: f.edgeClass,
    edgeKind: f.kind,
  }));
  return [
    ...edges,
    { params: { id: 'gone', integrationId: 'x' }, scenario: { kind: 'no-customer', customerId: 'gone' } },
    { params: { id: 'initech', integrationId: 'nope' }, scenario: { kind: 'no-integration', customerId: 'initech', integrationId: 'nope' } },
    { params: { id: 'denied', integrationId: 'x' }, scenario: { kind: 'forbidden', customerId: 'denied' } },
  ];
}

describe('systematic cases: every edge class, the same list whatever the seed', () => {
  let c: OperationContract;
  before(async () => {
    c = await openContract();
  });

  it('is the same list on every call, and bounded (under 2,000 cases for the shipped contract)', () => {
    const cases = systematicCases(c, fixturesOf(c));
    expect(cases).to.deep.equal(systematicCases(c, fixturesOf(c)));
    expect(cases.length).to.be.within(500, 2000);
  });

  it('sends each absent edge fixture once, on its own scenario, and labels every edge case with a catalogue kind', () => {
    const fixtures = fixturesOf(c);
    const cases = systematicCases(c, fixtures);
    const absent = fixtures.filter((f) => f.edgeClass !== undefined && f.scenario.kind !== 'existing');
    expect(absent.length).to.be.greaterThan(100);
    for (const fixture of absent) {
      const sent = cases.filter((x) => x.scenario === fixture.scenario);
      expect(sent.map((x) => x.edgeClass), JSON.stringify(fixture.params)).to.deep.equal([fixture.edgeClass]);
    }
    const kinds = new Set(edgeKinds().map((kind) => kind.id));
    const unlabelled = cases.filter((x) => !x.edgeClass.startsWith('path:') && !x.edgeClass.startsWith('scenario:') && (x.edgeKind === undefined || !kinds.has(x.edgeKind)));
    expect(unlabelled.map((x) => x.edgeClass)).to.deep.equal([]);
  });

  it('every case is judged by the intent validator as its expect says, after serialisation', () => {
    for (const planned of systematicCases(c, fixturesOf(c))) assertSystematic(c, planned);
  });

  it('addresses every existing fixture with both encodings, on its own scenario', () => {
    const fixtures = fixturesOf(c);
    const cases = systematicCases(c, fixtures);
    for (const fixture of fixtures.filter((f) => f.scenario.kind === 'existing')) {
      const addressed = cases.filter((x) => x.edgeClass.startsWith(fixture.edgeClass ?? '') && x.scenario === fixture.scenario);
      expect(addressed.length, JSON.stringify(fixture.params)).to.be.at.least(1);
      expect(addressed.every((x) => JSON.stringify(x.case.params) === JSON.stringify(fixture.params) && x.case.expect.intent === 'valid')).to.equal(true);
    }
    const pchar = cases.filter((x) => x.edgeClass.endsWith(' [pchar]')).map((x) => x.case.path);
    expect(pchar.some((path) => path.includes('@'))).to.equal(true);
  });

  it('holds every edge class of the path parameters, the body and the headers', () => {
    const classes = new Set(systematicCases(c, fixturesOf(c)).flatMap((x) => x.edgeClass.replace(/ \[\w+\]$/, '').split(' = ')));
    const expected = [
      ...['id', 'integrationId'].flatMap((name) => edgePathValues(c, name).map((edge) => edge.edgeClass)),
      ...edgeBodies(c).map((edge) => edge.edgeClass),
      ...edgeHeaders(c).map((edge) => edge.edgeClass),
      'scenario:no-customer:unreserved', 'scenario:no-integration:key-missing', 'scenario:forbidden:unreserved',
    ];
    expect(expected.filter((name) => !classes.has(name))).to.deep.equal([]);
  });

  it('sends the key under its spellings on existing data; body and header edges never leave existing data', () => {
    const cases = systematicCases(c, fixturesOf(c));
    expect(cases.filter((x) => x.keyHeader !== undefined).map((x) => x.keyHeader)).to.deep.equal(['x-api-key', 'X-Api-Key']);
    const partEdges = cases.filter((x) => x.edgeClass.startsWith('body') || x.edgeClass.startsWith('headers'));
    // The plan sends every body and header edge: at least that many, so the claim below is about all of them.
    expect(partEdges.length).to.be.at.least(edgeBodies(c).length + edgeHeaders(c).length);
    expect(partEdges.filter((x) => x.scenario.kind !== 'existing').map((x) => x.edgeClass)).to.deep.equal([]);
    // An invalid path value addresses no fixture: the data it meets is unknown.
    const badPaths = cases.filter((x) => x.case.expect.intent === 'invalid' && x.case.expect.breaks.part === 'path');
    expect(badPaths.length).to.be.greaterThan(0);
    expect(badPaths.every((x) => x.scenario.kind === 'unknown')).to.equal(true);
  });

  it('without fixtures, still gives every path edge on unknown data', () => {
    const cases = systematicCases(c, []);
    expect(cases.length).to.be.greaterThan(200);
    expect(cases.every((x) => x.scenario.kind === 'unknown')).to.equal(true);
    for (const planned of cases) assertSystematic(c, planned);
  });
});
