/**
 * The systematic phase's cases: every edge class the contract gives (src/arbitraries/edges.ts), in a fixed order,
 * the same list whatever the seed. Existing data is addressed with both path encodings; body and header edges are
 * spread over the existing fixtures; each path edge value is sent once per distinct encoding; the other scenarios
 * get a valid request each way and one without the key.
 */
import {
  buildRequest, edgeBase, edgeBodies, edgeHeaders, edgeInvalidPathValues, edgePathValues, pathParamNames,
  type HeaderCase, type Intent, type RawBody, type RequestCase,
} from '../../arbitraries/index.js';
import type { Scenario } from '../../checks/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { PlannedCase } from './planned-cases.js';
import type { Fixture } from './plan.js';

/**
 * A planned case with its edge class and catalogue kind (`store/case-neighbours`, or undefined for the plain
 * addressing of drawn fixtures); `keyHeader`, when set, is the name to send the API key under; `related: false`
 * sends it alone (the checks that compare related requests judge it in the random phase, not here).
 */
export type SystematicCase = PlannedCase & { readonly edgeClass: string; readonly edgeKind?: string; readonly keyHeader?: string; readonly related?: false };

type Params = Readonly<Record<string, string>>;
const ENCODINGS = ['unreserved', 'pchar'] as const;

interface Parts {
  readonly params: Params;
  readonly encoding?: RequestCase['encoding'];
  readonly headers?: HeaderCase;
  readonly body?: RawBody;
  readonly expect?: Intent;
}

/** Builds cases from parts over the contract's fixed valid base. */
function builder(contract: OperationContract): (parts: Parts) => RequestCase {
  const base = edgeBase(contract);
  return (parts) => buildRequest(contract, { headers: base.headers, body: base.body, ...parts });
}

/** The path parameters' values in template order, as one key (two fixtures or cases address the same data when equal). */
export const paramsKey = (params: Params, names: readonly string[]): string => JSON.stringify(names.map((name) => params[name] ?? ''));

/** The cases of these encodings that send different bytes (`pchar` and `unreserved` agree on most values). */
function eachEncoding(build: (parts: Parts) => RequestCase, parts: Parts): RequestCase[] {
  const cases = ENCODINGS.map((encoding) => build({ ...parts, encoding }));
  return cases.filter((c, index) => cases.findIndex((other) => other.path === c.path) === index);
}

/**
 * Each existing fixture addressed with each path encoding. An edge fixture is labelled with its value's edge classes
 * (`[pchar]` marks the second encoding) and sent alone: a hundred of them with a repeat and two header variants each
 * would triple the phase; the others (drawn ids, tenant twins) get their related requests.
 */
function addressing(existing: readonly Fixture[], build: (parts: Parts) => RequestCase): SystematicCase[] {
  return existing.flatMap((fixture) => eachEncoding(build, { params: fixture.params }).map((c, index) => {
    if (fixture.edgeClass === undefined) return { case: c, scenario: fixture.scenario, edgeClass: `path:${c.encoding} on fixture` };
    const edgeClass = index === 0 ? fixture.edgeClass : `${fixture.edgeClass} [${c.encoding}]`;
    return { case: c, scenario: fixture.scenario, edgeClass, ...kindOf(fixture.edgeKind), related: false as const };
  }));
}

/**
 * The data a path edge value meets when no state made it (values no edge fixture holds, invalid values, auth-first
 * cases): what they probe is the router, the parser and the validator, so the checks that judge data have nothing to
 * say about them (not applicable, with this reason), and their skip lists stay for what a state URL would fix.
 */
const NEVER_SET_UP: Scenario = { kind: 'unknown', planned: 'a systematic path edge value sent on ids no provider state set up: it probes routing and parsing, not data' };

const kindOf = (edgeKind: string | undefined): { edgeKind?: string } => (edgeKind === undefined ? {} : { edgeKind });

/**
 * Each absent edge fixture (a neighbour of an existing id, a runtime name, a naughty string, made absent through a
 * provider state), once, every character percent-encoded: a lookup must find nothing there, whatever it resembles.
 */
function absentEdges(absent: readonly Fixture[], build: (parts: Parts) => RequestCase): SystematicCase[] {
  return absent.map((fixture) => ({ case: build({ params: fixture.params, encoding: 'unreserved' }), scenario: fixture.scenario, edgeClass: fixture.edgeClass ?? 'absent', ...kindOf(fixture.edgeKind), related: false as const }));
}

/** Body and header edges, each on one existing fixture in turn (or on unknown data when there is none). */
function partEdges(contract: OperationContract, targets: readonly Fixture[], build: (parts: Parts) => RequestCase): SystematicCase[] {
  const edges = [
    ...edgeBodies(contract).map((edge) => ({ parts: { body: edge.body, expect: edge.expect }, edgeClass: edge.edgeClass, edgeKind: edge.kind, keyHeader: undefined })),
    ...edgeHeaders(contract).map((edge) => ({ parts: { headers: edge.headers, expect: edge.expect }, edgeClass: edge.edgeClass, edgeKind: edge.kind, keyHeader: edge.keyHeader })),
  ];
  return edges.map(({ parts, edgeClass, edgeKind, keyHeader }, index) => {
    const target = targets[index % targets.length] as Fixture;
    return { case: build({ params: target.params, ...parts }), scenario: target.scenario, edgeClass, edgeKind, ...(keyHeader === undefined ? {} : { keyHeader }) };
  });
}

/**
 * Each path edge value no existing fixture holds (all of them when the run set up no data), the other parameters held
 * at an anchor's, once per encoding that sends different bytes: the data it meets is unknown.
 */
function pathEdges(contract: OperationContract, anchor: Fixture, existing: readonly Fixture[], build: (parts: Parts) => RequestCase): SystematicCase[] {
  const names = pathParamNames(contract);
  const known = new Set(existing.map((fixture) => paramsKey(fixture.params, names)));
  return names.flatMap((name) => edgePathValues(contract, name).flatMap(({ value, edgeClass, kind }) => {
    const params = { ...anchor.params, [name]: value };
    if (known.has(paramsKey(params, names))) return [];
    return eachEncoding(build, { params }).map((c) => ({ case: c, scenario: NEVER_SET_UP, edgeClass, edgeKind: kind }));
  }));
}

/** Each invalid path edge value on the anchor's other parameters: the data it meets is unknown. */
function invalidPathEdges(contract: OperationContract, anchor: Fixture, build: (parts: Parts) => RequestCase): SystematicCase[] {
  return pathParamNames(contract).flatMap((name) => edgeInvalidPathValues(contract, name).map(({ value, edgeClass, kind, expect }) => ({
    case: build({ params: { ...anchor.params, [name]: value }, expect }),
    scenario: NEVER_SET_UP,
    edgeClass,
    edgeKind: kind,
  })));
}

const firstPerKeyword = <T extends { readonly expect: Intent }>(edges: readonly T[]): T[] => {
  const keywordOf = (edge: T): string => (edge.expect.intent === 'invalid' ? edge.expect.breaks.keyword : '');
  return edges.filter((edge, index) => edges.findIndex((other) => keywordOf(other) === keywordOf(edge)) === index);
};

/**
 * No key and bad input: the first invalid value of each path parameter per broken keyword (length, pattern) and the
 * first invalid body, each sent without the key (tagged as the key's break, as the random phase does). The answer
 * must be 401 or 400 (the contract leaves their order open); anything else, an accepted update above all, fails.
 */
function authFirst(contract: OperationContract, anchor: Fixture, build: (parts: Parts) => RequestCase): SystematicCase[] {
  const missing = edgeHeaders(contract).find((edge) => edge.headers.key === 'missing');
  if (!missing) return [];
  const noKey = { headers: missing.headers, expect: missing.expect };
  const paths = pathParamNames(contract).flatMap((name) => firstPerKeyword(edgeInvalidPathValues(contract, name)).map(({ value, edgeClass }) => ({ params: { ...anchor.params, [name]: value }, edgeClass, body: undefined })));
  const bodies = edgeBodies(contract).filter((edge) => edge.expect.intent === 'invalid').slice(0, 1).map((edge) => ({ params: anchor.params, edgeClass: edge.edgeClass, body: edge.body }));
  return [...paths, ...bodies].map(({ params, edgeClass, body }) => ({
    case: build({ params, ...noKey, ...(body === undefined ? {} : { body }) }),
    scenario: NEVER_SET_UP,
    edgeClass: `auth-first:${edgeClass}`,
    edgeKind: 'auth/missing-key',
  }));
}

/** The other scenarios (missing customer or integration, forbidden): a valid request each way, and one without the key. */
function otherScenarios(contract: OperationContract, fixtures: readonly Fixture[], build: (parts: Parts) => RequestCase): SystematicCase[] {
  const missing = edgeHeaders(contract).find((edge) => edge.headers.key === 'missing');
  return fixtures.flatMap((fixture) => [
    ...eachEncoding(build, { params: fixture.params }).map((c) => ({ case: c, scenario: fixture.scenario, edgeClass: `scenario:${fixture.scenario.kind}:${c.encoding}` })),
    ...(missing ? [{ case: build({ params: fixture.params, headers: missing.headers, expect: missing.expect }), scenario: fixture.scenario, edgeClass: `scenario:${fixture.scenario.kind}:key-missing` }] : []),
  ]);
}

/** The anchor for path edges: the first existing fixture, else one made of each parameter's first edge value. */
function anchorOf(contract: OperationContract, existing: readonly Fixture[]): Fixture {
  const [first] = existing;
  if (first) return first;
  const params = Object.fromEntries(pathParamNames(contract).map((name) => [name, edgePathValues(contract, name)[0]?.value ?? '']));
  return { params, scenario: { kind: 'unknown' } };
}

/**
 * The systematic cases for these fixtures, deterministic (the same list for the same contract and fixtures):
 * addressing every existing fixture both ways, body and header edges on existing data, every path edge value,
 * then the other scenarios. A few hundred cases for the shipped contract.
 */
export function systematicCases(contract: OperationContract, fixtures: readonly Fixture[]): SystematicCase[] {
  const build = builder(contract);
  const existing = fixtures.filter((fixture) => fixture.scenario.kind === 'existing');
  const anchor = anchorOf(contract, existing);
  const others = fixtures.filter((fixture) => !['existing', 'unknown', 'rate-limited'].includes(fixture.scenario.kind));
  return [
    ...addressing(existing, build),
    ...absentEdges(others.filter((fixture) => fixture.edgeClass !== undefined), build),
    ...partEdges(contract, existing.length > 0 ? existing : [anchor], build),
    ...pathEdges(contract, anchor, existing, build),
    ...invalidPathEdges(contract, anchor, build),
    ...authFirst(contract, anchor, build),
    ...otherScenarios(contract, others.filter((fixture) => fixture.edgeClass === undefined), build),
  ];
}
