/**
 * A run's data and systematic cases, as its shard sees them: the whole plan laid out (the same in every shard but for
 * the run's tag), the systematic cases of the whole run (so `edge:N` means one case whatever the shard), then the
 * shard's share set up — its own units, and the data the random phase aims at — and its share of the cases, less
 * those addressing a fixture the state URL refused.
 */
import { pathParamNames } from '../../../arbitraries/index.js';
import { ConfigurationError } from '../../../errors.js';
import type { OperationContract } from '../../../validators/index.js';
import type { ResolvedVerifyOptions } from '../options.js';
import { applyPlan, layOutPlan, namedFixtures, type Fixture, type Plan } from '../plan.js';
import { edgePath } from '../replay-path.js';
import type { StateClient } from '../state-client.js';
import { paramsKey, systematicCases, type SystematicCase } from '../systematic.js';
import { isSharded, ownerOf, runTag } from './shard.js';
import { randomPhaseFixtures, shareOf, withoutRefused } from './share.js';

/** The data a run set up and the cases it sends. */
export interface RunData {
  readonly plan: Plan;
  /** The fixtures that hold: `--fixture` data, then the plan's. */
  readonly fixtures: readonly Fixture[];
  /** The systematic cases of the whole run (`edge:N` is the case at N)… */
  readonly edgeCases: readonly SystematicCase[];
  /** …and the indices this shard sends. */
  readonly indices: ReadonlySet<number>;
  /** What the random phase aims at. */
  readonly randomFixtures: readonly Fixture[];
}

/** Refuses an `edge:N` replay this run cannot send: past the list, another shard's, or on data the provider refused. */
function checkEdgeReplay(index: number | undefined, data: Omit<RunData, 'plan' | 'fixtures' | 'randomFixtures'>, options: ResolvedVerifyOptions, unitOfCase: (index: number) => string | undefined): void {
  if (index === undefined || data.indices.has(index)) return;
  const count = data.edgeCases.length;
  if (index >= count) throw new ConfigurationError(`--path ${edgePath(index)}: this run has ${count} systematic cases (edge:0 to edge:${count - 1}); replay with the same --seed, --state-url and --fixture flags`);
  const unit = unitOfCase(index);
  const owner = unit === undefined ? (index % options.shard.count) + 1 : ownerOf(unit, options.shard.count);
  if (isSharded(options.shard) && owner !== options.shard.index) throw new ConfigurationError(`--path ${edgePath(index)} belongs to shard ${owner}/${options.shard.count}: replay it with --shard ${owner}/${options.shard.count}`);
  throw new ConfigurationError(`--path ${edgePath(index)} addresses data the provider's state URL refused to set up in this run`);
}

/** Lays out, shares and sets up the run's data (only `--fixture` data without a state URL), until `stopped` says stop. */
export async function prepareRunData(contract: OperationContract, options: ResolvedVerifyOptions, states: StateClient | undefined, systematic: boolean, edgeReplay: number | undefined, stopped: () => boolean = () => false): Promise<RunData> {
  const names = pathParamNames(contract);
  const named = namedFixtures(contract, options.fixtures);
  const steps = states ? layOutPlan(contract, options.existingFixtures, options.seed, runTag(options.seed, options.shard)) : [];
  const all = [...named, ...steps.map((step) => step.fixture)];
  const edgeCases = systematic ? systematicCases(contract, all) : [];
  const share = shareOf(all, edgeCases, options.shard, names);
  const plan: Plan = states ? await applyPlan(steps, states, share.keeps, stopped) : { fixtures: [], changes: [] };
  const refused = new Set((plan.refused ?? []).map((fixture) => paramsKey(fixture.params, names)));
  const indices = withoutRefused(edgeCases, share.cases, plan.refused ?? [], names);
  const unitOf = new Map(all.map((fixture) => [fixture.params[names[0] ?? ''] ?? '', fixture.unit] as const));
  if (!stopped()) checkEdgeReplay(edgeReplay, { edgeCases, indices }, options, (index) => unitOf.get(edgeCases[index]?.case.params[names[0] ?? ''] ?? ''));
  const randomFixtures = randomPhaseFixtures(all).filter((fixture) => !refused.has(paramsKey(fixture.params, names)));
  return { plan, fixtures: [...named, ...plan.fixtures], edgeCases, indices, randomFixtures };
}
