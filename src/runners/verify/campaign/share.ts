/**
 * A shard's share of a run: the systematic cases it sends and the units of data it sets up. Every unit of data (a
 * customer and what rests on it) belongs to one shard, which alone sets it up and sends the systematic cases that
 * address it; the cases that address no data the run sets up are dealt out by index. The random phase's data (the
 * drawn records and a dozen own-customer edge fixtures) is the run's own, under the run's tag: every shard sets up
 * its own copy, so every shard's random phase meets the same kind of data as an unsharded run's.
 */
import { DRAWN_UNIT, type Fixture, type PlanStep } from '../plan.js';
import { paramsKey, type SystematicCase } from '../systematic.js';
import { ownerOf, type Shard } from './shard.js';

/** How many of the edge fixtures the random phase aims at, besides every other fixture. */
const RANDOM_EDGE_FIXTURES = 12;

/**
 * The random phase's fixtures: every drawn and scenario fixture, and a dozen of the existing edge fixtures on the
 * run's own customers spread over the list (the systematic phase addressed each already; here they meet random
 * bodies, headers and related requests). Edge customers (`a`, `constructor`, `01000`) belong to one shard, so the
 * random phase, which every shard runs, leaves them to the systematic phase.
 */
export function randomPhaseFixtures(fixtures: readonly Fixture[]): Fixture[] {
  const edges = fixtures.filter((fixture) => fixture.edgeClass !== undefined && fixture.scenario.kind === 'existing' && fixture.unit?.startsWith('own:') === true);
  const step = Math.max(1, Math.floor(edges.length / RANDOM_EDGE_FIXTURES));
  return [...fixtures.filter((fixture) => fixture.edgeClass === undefined), ...edges.filter((_, index) => index % step === 0).slice(0, RANDOM_EDGE_FIXTURES)];
}

/** A shard's share: the systematic case indices it sends, and whether a plan step is its to apply. */
export interface Share {
  readonly cases: ReadonlySet<number>;
  keeps(step: PlanStep): boolean;
}

/**
 * The share of `shard` (the whole run when it is 1/1): cases by the unit of the customer they address (by index when
 * they address none), steps by unit, plus the units the random phase aims at.
 */
export function shareOf(fixtures: readonly Fixture[], cases: readonly SystematicCase[], shard: Shard, names: readonly string[]): Share {
  const [customerParam = ''] = names;
  const unitOf = new Map<string, string>();
  for (const fixture of fixtures) if (fixture.unit !== undefined && !unitOf.has(fixture.params[customerParam] ?? '')) unitOf.set(fixture.params[customerParam] ?? '', fixture.unit);
  const mine = (unit: string): boolean => ownerOf(unit, shard.count) === shard.index;
  const owned = new Set<number>();
  for (const [index, planned] of cases.entries()) {
    const unit = unitOf.get(planned.case.params[customerParam] ?? '');
    if (unit !== undefined ? mine(unit) : (index % shard.count) + 1 === shard.index) owned.add(index);
  }
  const randomUnits = new Set(randomPhaseFixtures(fixtures).flatMap((fixture) => (fixture.unit === undefined ? [] : [fixture.unit])));
  return { cases: owned, keeps: (step) => step.fixture.unit === undefined || step.fixture.unit === DRAWN_UNIT || randomUnits.has(step.fixture.unit) || mine(step.fixture.unit) };
}

/** The cases of `indices` that address no fixture the state URL refused (each left out, as the refused fixture is). */
export function withoutRefused(cases: readonly SystematicCase[], indices: ReadonlySet<number>, refused: readonly Fixture[], names: readonly string[]): Set<number> {
  const gone = new Set(refused.map((fixture) => paramsKey(fixture.params, names)));
  return new Set([...indices].filter((index) => {
    const planned = cases[index];
    return planned !== undefined && !gone.has(paramsKey(planned.case.params, names));
  }));
}
