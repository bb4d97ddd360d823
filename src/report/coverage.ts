/**
 * Verify's coverage: what the run produced (statuses, codes, the success body's shapes, invalid tags, edge classes,
 * the edge catalogue's kinds by layer) against what the contract documents, as countable lines. Success shapes are the
 * one response-shape model (checks/response-shapes.ts) the mock counts what it served with.
 */
import { edgeKinds } from '../arbitraries/index.js';
import type { InvalidKind } from '../arbitraries/types.js';
import { tagLabel } from '../checks/cases.js';
import { SITUATION_CODES } from '../checks/documented.js';
import { contractFacts } from '../checks/facts.js';
import { isTransportFailure, jsonOf } from '../checks/finding.js';
import type { Exchange, ResponseOutcome } from '../checks/types.js';
import type { OperationContract } from '../validators/index.js';
import { classify, shapeDimensions, shapeLineName, type Dimension } from '../checks/response-shapes.js';
import { tally } from './model.js';
import type { Coverage, CoverageLine } from './types.js';
import { isJsonObject } from '../contract/json.js';

/** What the coverage tracker should know beyond the contract: every kind of invalid request the generators make. */
export interface CoverageOptions {
  readonly invalidKinds?: readonly InvalidKind[];
}

/** Accumulates coverage over a run. */
export interface CoverageTracker {
  observe(exchange: Exchange): void;
  snapshot(): Coverage;
}

type Counter = Map<string, number>;
type RequestTag = { readonly part: string; readonly pointer: string; readonly keyword: string };

const label = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined');
const bump = (counter: Counter, key: string): void => void counter.set(key, (counter.get(key) ?? 0) + 1);

/**
 * Invalid kinds never tried: a kind is tried when a case broke the same part and keyword at its pointer (any pointer
 * when the kind's depends on the value). Variants of a kind (`#first`, `#char`) are not told apart by tags.
 */
function untriedKinds(kinds: readonly InvalidKind[], tried: readonly RequestTag[]): string[] {
  const covers = (kind: InvalidKind, tag: RequestTag): boolean =>
    tag.part === kind.part && tag.keyword === kind.keyword && (kind.pointer === undefined || kind.pointer === tag.pointer);
  const untried = kinds.filter((kind) => !tried.some((tag) => covers(kind, tag)));
  return [...new Set(untried.map((kind) => kind.id.replace(/#.*$/, '')))];
}

/**
 * The family of an edge class: `path/id:char:+#first` → `path/id:char`, `path:pchar on …` → `path:pchar`. The line counts
 * exchanges per family: counts that add up, so the coverage of shards and runs merges (a count of distinct classes
 * would count a class twice when two shards both sent it).
 */
const familyOf = (edgeClass: string): string => (edgeClass.split(' on ')[0] ?? edgeClass).split(':').slice(0, 2).join(':');

/**
 * The catalogue's kinds by layer, one line each (`store edges`): the kinds seen, by name (`store/case-neighbours` →
 * `case-neighbours`), with their exchanges, and the ones not run.
 */
function layerLines(seen: Counter): CoverageLine[] {
  const layers = [...new Set(edgeKinds().map((kind) => kind.layer))];
  return layers.map((layer) => {
    const kinds = edgeKinds().filter((kind) => kind.layer === layer);
    const counts: Counter = new Map(kinds.filter((kind) => seen.has(kind.id)).map((kind) => [kind.id.slice(layer.length + 1), seen.get(kind.id) ?? 0]));
    return { name: `${layer} edges`, ...tally(counts, kinds.map((kind) => kind.id.slice(layer.length + 1))) };
  });
}

/** A status's codes: the ones its situations call for listed when missed, the rest of the documented enum counted. */
function codeLine(status: number, seen: Counter, documented: readonly string[]): CoverageLine {
  const expected = documented.filter((code) => (SITUATION_CODES[status] ?? []).includes(code));
  const others = documented.length - expected.length;
  return { name: `${status} codes`, ...tally(seen, expected), ...(others > 0 ? { otherDocumented: others } : {}) };
}

/** Starts tracking coverage of one operation. */
export function createCoverage(contract: OperationContract, options: CoverageOptions = {}): CoverageTracker {
  const facts = contractFacts(contract);
  const documentedStatuses = facts.statuses.map(String);
  const codeStatuses = facts.statuses.filter((status) => facts.errorCodes(status, 'strict') !== undefined);
  const statuses: Counter = new Map();
  const codes = new Map<number, Counter>(codeStatuses.map((status) => [status, new Map()]));
  const tags: Counter = new Map();
  const edgeFamilies: Counter = new Map();
  const edgeKindCounts: Counter = new Map();
  const tried: RequestTag[] = [];
  const dimensions = facts.successSchema ? shapeDimensions(facts.successSchema) : [];
  const shapes = new Map<Dimension, Counter>(dimensions.map((dimension) => [dimension, new Map()]));

  const observeResponse = (outcome: ResponseOutcome): void => {
    if (isTransportFailure(outcome)) return;
    bump(statuses, String(outcome.status));
    const body = jsonOf(outcome);
    if (body.kind !== 'json') return;
    const counter = codes.get(outcome.status);
    if (counter && isJsonObject(body.value) && 'code' in body.value) bump(counter, label(body.value['code']));
    if (outcome.status !== facts.successStatus) return;
    for (const [dimension, choice] of classify(dimensions, body.value)) bump(shapes.get(dimension) as Counter, choice);
  };

  return {
    observe(exchange) {
      const { expect } = exchange.case;
      if (expect.intent === 'invalid') {
        if (!tags.has(tagLabel(exchange.case))) tried.push(expect.breaks);
        bump(tags, tagLabel(exchange.case));
      }
      if (exchange.edgeClass !== undefined) bump(edgeFamilies, familyOf(exchange.edgeClass));
      if (exchange.edgeKind !== undefined) bump(edgeKindCounts, exchange.edgeKind);
      observeResponse(exchange.response);
      for (const related of exchange.related ?? []) observeResponse(related.response);
    },
    snapshot() {
      return [
        { name: 'statuses', ...tally(statuses, documentedStatuses), undocumented: [...statuses.keys()].filter((s) => !documentedStatuses.includes(s)).sort() },
        ...codeStatuses.map((status) => codeLine(status, codes.get(status) ?? new Map(), (facts.errorCodes(status, 'strict') ?? []).map(label))),
        ...dimensions.map((dimension) => ({ name: shapeLineName(dimension), ...tally(shapes.get(dimension) ?? new Map(), dimension.choices.map((choice) => choice.label)) })),
        { name: 'invalid-input tags', ...tally(tags, []), notCovered: untriedKinds(options.invalidKinds ?? [], tried) },
        { name: 'edge classes', ...tally(edgeFamilies, []) },
        ...layerLines(edgeKindCounts),
      ];
    },
  };
}
