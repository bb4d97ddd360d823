/**
 * Writing the run's findings into the failure database as they appear (and again as a smaller exchange shows one, or
 * as it is confirmed): each entry with the provider states that recreate the data its case met — every change of the
 * unit of data it addressed (side-by-side twins and their absent neighbours together) — so that it replays alone.
 */
import { apiKeyHeaderOf } from '../../../contract/operation.js';
import type { Exchange } from '../../../checks/index.js';
import { STATE } from '../../../pact/state-names.js';
import { curlCommand, requestSize } from '../../../report/index.js';
import type { OperationContract } from '../../../validators/index.js';
import { keyHeaderSpelling, type Confirmation } from '../campaign/confirm.js';
import type { TrackedFinding } from '../campaign/findings.js';
import type { Plan } from '../plan.js';
import type { StateChange } from '../state-client.js';
import { ENTRY_FORMAT, type FailureEntry } from './entry.js';
import type { FailureStore } from './store.js';

/** The data an exchange's case met: the changes of its customer's unit (and the rate-limited state, when it met it). */
export function dataOf(plan: Plan, customerParam: string | undefined): (exchange: Exchange) => { states: StateChange[]; unit?: string } {
  const unitOf = new Map<string, string>();
  for (const fixture of plan.fixtures) if (fixture.unit !== undefined && customerParam !== undefined) unitOf.set(fixture.params[customerParam] ?? '', fixture.unit);
  return (exchange) => {
    const unit = customerParam === undefined ? undefined : unitOf.get(exchange.case.params[customerParam] ?? '');
    const states = [...(unit === undefined ? [] : plan.unitChanges?.get(unit) ?? [])];
    if (exchange.scenario.kind === 'rate-limited') states.push({ state: STATE.rateLimited, params: {} });
    return { states, ...(unit === undefined ? {} : { unit }) };
  };
}

/** What the recorder writes with. */
export interface RecorderInputs {
  readonly store: FailureStore;
  readonly contract: OperationContract;
  /** The entries the writable database held when the run started, by key. */
  readonly known: ReadonlyMap<string, FailureEntry>;
  /** The data of an exchange's case (dataOf), once the plan is set up. */
  data(exchange: Exchange): { states: StateChange[]; unit?: string };
  now(): string;
}

/** Writes entries as findings appear and are confirmed; counts what it wrote. */
export class FailureRecorder {
  readonly #entries: Map<string, FailureEntry>;
  readonly #touched = new Set<string>();
  /** Entries written this run that the database did not hold before. */
  fresh = 0;

  constructor(private readonly inputs: RecorderInputs) {
    this.#entries = new Map(inputs.known);
  }

  /** Entries this run wrote, new or updated. */
  get written(): number {
    return this.#touched.size;
  }

  /** A new finding, or a smaller exchange of a known one: written now (the smaller request of the old entry and the new one is kept). */
  tracked(tracked: TrackedFinding): void {
    const { exchange, finding } = tracked;
    const previous = this.#entries.get(tracked.key);
    const now = this.inputs.now();
    const seen = previous === undefined ? 1 : previous.seen + (this.#touched.has(tracked.key) ? 0 : 1);
    const history = { firstSeen: previous?.firstSeen ?? now, lastSeen: now, seen, status: 'failing' as const };
    if (previous !== undefined && requestSize(previous.request) <= requestSize(exchange.request)) return this.#put({ ...withoutFix(previous), ...history });
    const spelling = keyHeaderSpelling(exchange, apiKeyHeaderOf(this.inputs.contract.operation));
    const { operation } = this.inputs.contract;
    this.#put({
      format: ENTRY_FORMAT, key: tracked.key, check: finding.check, kind: finding.kind, signature: tracked.signature,
      message: finding.message, expected: finding.expected, actual: finding.actual,
      case: exchange.case, ...(spelling === undefined ? {} : { keyHeader: spelling }), scenario: exchange.scenario,
      ...this.inputs.data(exchange), request: exchange.request, curl: curlCommand(exchange.request),
      ...(exchange.replay ? { replay: exchange.replay } : {}),
      contract: { operation: `${operation.method} ${operation.pathTemplate}`, version: this.inputs.contract.contract.version },
      ...history,
    });
    if (previous === undefined) this.fresh++;
  }

  /** A confirmation of a finding written before. */
  confirmed(confirmation: Confirmation): void {
    const entry = this.#entries.get(confirmation.key);
    if (entry) this.#put({ ...entry, confirmed: { reproduced: confirmation.reproduced, of: confirmation.of } });
  }

  #put(entry: FailureEntry): void {
    this.#entries.set(entry.key, entry);
    this.#touched.add(entry.key);
    this.inputs.store.write(entry);
  }
}

/** An entry without its fixed mark (it fails again). */
function withoutFix(entry: FailureEntry): FailureEntry {
  const { fixedAt: _fixedAt, ...rest } = entry;
  return rest;
}
