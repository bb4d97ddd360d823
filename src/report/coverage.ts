/** Coverage: what the run produced (statuses, codes, enum members, oneOf branches, invalid tags) vs the contract. */
import { createAjv, knownFormats } from '../contract/ajv.js';
import { toJsonSchema } from '../contract/translate.js';
import { edgeKinds } from '../arbitraries/index.js';
import type { InvalidKind } from '../arbitraries/types.js';
import type { OasSchema } from '../contract/types.js';
import { tagLabel } from '../checks/cases.js';
import { contractFacts } from '../checks/facts.js';
import { isTransportFailure, jsonOf } from '../checks/finding.js';
import type { Exchange, ResponseOutcome } from '../checks/types.js';
import type { OperationContract } from '../validators/index.js';
import type { Coverage, Tally } from './types.js';
import { isJsonObject, childPointer } from '../contract/json.js';

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
interface EnumSite { readonly pointer: string; readonly members: readonly string[] }
interface BranchSite { readonly pointer: string; readonly branches: readonly { label: string; test: (v: unknown) => boolean }[] }
interface Sites { readonly enums: EnumSite[]; readonly branches: BranchSite[] }

const label = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined');
const bump = (counter: Counter, key: string): void => void counter.set(key, (counter.get(key) ?? 0) + 1);

function tally(counter: Counter, documented: readonly string[]): Tally {
  const seen = [...counter].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { seen, notCovered: documented.filter((value) => !counter.has(value)) };
}

const tokenCache = new Map<string, readonly string[]>();

/** Every value at a pointer whose `*` tokens stand for every array item (on every 200: kept cheap). */
function valuesAt(root: unknown, pointer: string): unknown[] {
  let tokens = tokenCache.get(pointer);
  if (!tokens) tokenCache.set(pointer, (tokens = pointer.split('/').slice(1)));
  let nodes: unknown[] = [root];
  for (const token of tokens) {
    const next: unknown[] = [];
    for (const node of nodes) {
      if (token === '*') {
        if (Array.isArray(node)) next.push(...(node as unknown[]));
      } else if (isJsonObject(node) && token in node) next.push(node[token]);
    }
    nodes = next;
  }
  return nodes;
}

type Compile = (schema: OasSchema) => (value: unknown) => boolean;

/** A compiler for branch schemas (strict reading, the validators' Ajv settings). */
function branchCompiler(): Compile {
  const ajv = createAjv();
  const formats = knownFormats(ajv);
  return (schema) => {
    const validate = ajv.compile(toJsonSchema(schema, { formats }));
    return (value) => validate(value) === true;
  };
}

/** Finds enum and oneOf/anyOf sites in a success body schema. */
function sitesOf(schema: OasSchema, compile: Compile, sites: Sites, pointer = ''): void {
  const { enums, branches } = sites;
  if (Array.isArray(schema['enum'])) enums.push({ pointer, members: (schema['enum'] as unknown[]).map(label) });
  const alternatives = schema['oneOf'] ?? schema['anyOf'];
  if (Array.isArray(alternatives)) {
    const list = alternatives.filter(isJsonObject).map((branch, index) => ({
      label: typeof branch['title'] === 'string' ? branch['title'] : `branch ${index}`,
      test: compile(branch),
    }));
    if (schema['nullable'] === true) list.push({ label: 'null', test: (value) => value === null });
    branches.push({ pointer, branches: list });
  }
  const properties = schema['properties'];
  if (isJsonObject(properties)) {
    for (const [name, sub] of Object.entries(properties)) if (isJsonObject(sub)) sitesOf(sub, compile, sites, childPointer(pointer, name));
  }
  if (isJsonObject(schema['items'])) sitesOf(schema['items'], compile, sites, `${pointer}/*`);
}

const siteCache = new WeakMap<OperationContract, Sites>();

/** The success body's enum and branch sites, found (and their branch validators compiled) once per contract. */
function successSites(contract: OperationContract, successStatus: number | undefined): Sites {
  const cached = siteCache.get(contract);
  if (cached) return cached;
  const sites: Sites = { enums: [], branches: [] };
  const success = contract.operation.responses.find((response) => response.status === successStatus)?.body?.schema;
  if (success) sitesOf(success, branchCompiler(), sites);
  siteCache.set(contract, sites);
  return sites;
}

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

/** Edge classes counted by family: `path/id:char:+#first` → `path/id:char`, `path:pchar on …` → `path:pchar`. */
function familyCounts(classes: ReadonlySet<string>): Counter {
  const families: Counter = new Map();
  for (const edgeClass of classes) bump(families, (edgeClass.split(' on ')[0] ?? edgeClass).split(':').slice(0, 2).join(':'));
  return families;
}

/** The catalogue's kinds by layer: each layer's kinds seen (by name, `store/case-neighbours` → `case-neighbours`) and not. */
function layerTallies(seen: Counter): Array<{ layer: string } & Tally> {
  const layers = [...new Set(edgeKinds().map((kind) => kind.layer))];
  return layers.map((layer) => {
    const kinds = edgeKinds().filter((kind) => kind.layer === layer);
    const counts: Counter = new Map(kinds.filter((kind) => seen.has(kind.id)).map((kind) => [kind.id.slice(layer.length + 1), seen.get(kind.id) ?? 0]));
    return { layer, ...tally(counts, kinds.map((kind) => kind.id.slice(layer.length + 1))) };
  });
}

/** Starts tracking coverage of one operation. */
export function createCoverage(contract: OperationContract, options: CoverageOptions = {}): CoverageTracker {
  const facts = contractFacts(contract);
  const documentedStatuses = facts.statuses.map(String);
  const codeStatuses = facts.statuses.filter((status) => facts.errorCodes(status, 'strict') !== undefined);
  const statuses: Counter = new Map();
  const codes = new Map<number, Counter>(codeStatuses.map((status) => [status, new Map()]));
  const tags: Counter = new Map();
  const edgeClasses = new Set<string>();
  const edgeKinds: Counter = new Map();
  const tried: RequestTag[] = [];
  const sites = successSites(contract, facts.successStatus);
  const enums = sites.enums.map((site) => ({ ...site, seen: new Map() as Counter }));
  const branches = sites.branches.map((site) => ({ ...site, seen: new Map() as Counter }));

  const observeResponse = (outcome: ResponseOutcome): void => {
    if (isTransportFailure(outcome)) return;
    bump(statuses, String(outcome.status));
    const body = jsonOf(outcome);
    if (body.kind !== 'json') return;
    const counter = codes.get(outcome.status);
    if (counter && isJsonObject(body.value) && 'code' in body.value) bump(counter, label(body.value['code']));
    if (outcome.status !== facts.successStatus) return;
    for (const site of enums) for (const value of valuesAt(body.value, site.pointer)) bump(site.seen, label(value));
    for (const site of branches) {
      for (const value of valuesAt(body.value, site.pointer)) for (const branch of site.branches) if (branch.test(value)) bump(site.seen, branch.label);
    }
  };

  return {
    observe(exchange) {
      const { expect } = exchange.case;
      if (expect.intent === 'invalid') {
        if (!tags.has(tagLabel(exchange.case))) tried.push(expect.breaks);
        bump(tags, tagLabel(exchange.case));
      }
      if (exchange.edgeClass !== undefined) edgeClasses.add(exchange.edgeClass);
      if (exchange.edgeKind !== undefined) bump(edgeKinds, exchange.edgeKind);
      observeResponse(exchange.response);
      for (const related of exchange.related ?? []) observeResponse(related.response);
    },
    snapshot() {
      return {
        statuses: { ...tally(statuses, documentedStatuses), undocumented: [...statuses.keys()].filter((s) => !documentedStatuses.includes(s)).sort() },
        errorCodes: codeStatuses.map((status) => {
          const documented = (facts.errorCodes(status, 'strict') ?? []).map(label);
          return { status, ...tally(codes.get(status) ?? new Map(), documented) };
        }),
        enums: enums.map((site) => ({ pointer: site.pointer, ...tally(site.seen, site.members) })),
        branches: branches.map((site) => ({ pointer: site.pointer, ...tally(site.seen, site.branches.map((b) => b.label)) })),
        invalidTags: { ...tally(tags, []), notCovered: untriedKinds(options.invalidKinds ?? [], tried) },
        edgeClasses: tally(familyCounts(edgeClasses), []),
        layers: layerTallies(edgeKinds),
      };
    },
  };
}
