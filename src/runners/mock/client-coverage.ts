/**
 * What a client's run exercised, read from the mock's log entries alone (so a saved log gives the same answer): the
 * statuses and error codes it received, the edges its valid requests reached (the update field null, empty, at its
 * maximum length, non-ASCII; path parameters that need percent-encoding; each optional header), the success shapes
 * it was served, and the error drills it met. Every item the contract offers is listed, exercised or not.
 */
import type { ContractFacts } from '../../checks/index.js';
import { NOT_FOUND_CODES, NOT_FOUND_STATUS } from '../../checks/documented.js';
import { decodeSegment, encodeSegment, matchPath, templateParams } from '../../contract/path.js';
import type { OperationContract } from '../../validators/index.js';
import { documentedDrills, drillLabel } from './drills.js';
import type { LogEntry } from './log.js';
import { classify, shapeLineName, type Dimension } from '../../checks/response-shapes.js';
import { isJsonObject } from '../../contract/json.js';
import { headerKey } from '../../http/headers.js';

/** The groups of the coverage, in report order. */
export type CoverageGroup = 'statuses received' | 'requests sent' | 'success shapes served' | 'error drills received';

/** One thing a client could have exercised, and how many requests did. */
export interface CoverageItem {
  readonly group: CoverageGroup;
  readonly label: string;
  /** The coverage line of the report it counts in (the group; a success shape's line is its dimension's), and its value there. */
  readonly line: string;
  readonly value: string;
  count: number;
}

/** A test of one log entry for one item. */
interface Probe {
  readonly item: CoverageItem;
  readonly hit: (entry: LogEntry, facts: EntryFacts) => boolean;
}

/** What the probes read from an entry, worked out once per entry. */
interface EntryFacts {
  readonly processed: boolean;
  readonly update: unknown;
  readonly params: Readonly<Record<string, string>>;
  readonly code: unknown;
  readonly shapes: ReadonlyMap<Dimension, string> | undefined;
}

const codePoints = (text: string): number => [...text].length;

/** Tallies coverage entry by entry. */
export class CoverageTally {
  readonly items: CoverageItem[] = [];
  readonly #probes: Probe[] = [];
  readonly #template: string;

  constructor(private readonly contract: OperationContract, private readonly facts: ContractFacts, private readonly dimensions: readonly Dimension[]) {
    this.#template = contract.operation.pathTemplate;
    this.#statuses();
    this.#requests();
    for (const dimension of dimensions) {
      for (const choice of dimension.choices) this.#add('success shapes served', `${dimension.pointer} ${choice.label}`, (_e, f) => f.shapes?.get(dimension) === choice.label, shapeLineName(dimension), choice.label);
    }
    for (const drill of documentedDrills(facts)) this.#add('error drills received', drillLabel(drill), (entry) => entry.drill === drillLabel(drill));
  }

  #add(group: CoverageGroup, label: string, hit: Probe['hit'], line: string = group, value: string = label): void {
    const item: CoverageItem = { group, label, line, value, count: 0 };
    this.items.push(item);
    this.#probes.push({ item, hit });
  }

  #statuses(): void {
    for (const status of this.facts.statuses) {
      const codes = status === NOT_FOUND_STATUS ? Object.values(NOT_FOUND_CODES).filter((code) => (this.facts.errorCodes(status, 'strict') ?? []).includes(code)) : [];
      if (codes.length === 0) this.#add('statuses received', String(status), (entry) => entry.response.status === status);
      for (const code of codes) this.#add('statuses received', `${status} ${code}`, (entry, f) => entry.response.status === status && f.code === code);
    }
  }

  #requests(): void {
    const field = this.facts.updateField;
    if (field !== undefined) {
      const schema = this.contract.parts.schemas.intent.body?.['properties'] as Record<string, Record<string, unknown>> | undefined;
      const max = schema?.[field]?.['maxLength'];
      const sent = (test: (value: unknown) => boolean) => (_e: LogEntry, f: EntryFacts): boolean => f.processed && test(f.update);
      this.#add('requests sent', `${field} null`, sent((value) => value === null));
      this.#add('requests sent', `${field} empty`, sent((value) => value === ''));
      if (typeof max === 'number') this.#add('requests sent', `${field} at maxLength (${max})`, sent((value) => typeof value === 'string' && codePoints(value) === max));
      this.#add('requests sent', `${field} non-ASCII`, sent((value) => typeof value === 'string' && /[^\u0000-\u007f]/.test(value)));
    }
    for (const name of templateParams(this.#template)) {
      this.#add('requests sent', `${name} needing percent-encoding`, (_e, f) => f.processed && f.params[name] !== undefined && encodeSegment(f.params[name] as string, 'pchar') !== f.params[name]);
    }
    for (const param of this.contract.operation.headerParams.filter((header) => !header.required)) {
      const key = headerKey(param.name);
      this.#add('requests sent', `header ${param.name}`, (entry, f) => f.processed && entry.request.headers[key] !== undefined);
    }
  }

  #factsOf(entry: LogEntry): EntryFacts {
    const processed = entry.verdict === 'valid' || entry.verdict === 'contract-defect';
    const body = entry.request.body;
    const raw = matchPath(this.#template, entry.request.path) ?? {};
    const params = Object.fromEntries(Object.entries(raw).map(([name, segment]) => [name, decodeSegment(segment) ?? segment]));
    const success = entry.response.status === this.facts.successStatus;
    return {
      processed,
      update: isJsonObject(body) && this.facts.updateField !== undefined ? body[this.facts.updateField] : undefined,
      params,
      code: isJsonObject(entry.response.body) ? entry.response.body['code'] : undefined,
      shapes: success ? classify(this.dimensions, entry.response.body) : undefined,
    };
  }

  /** Counts one log entry. */
  add(entry: LogEntry): void {
    const facts = this.#factsOf(entry);
    for (const probe of this.#probes) if (probe.hit(entry, facts)) probe.item.count++;
  }
}
