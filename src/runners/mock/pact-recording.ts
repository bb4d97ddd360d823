/** `--record-pact`: the valid exchanges of a client's run handed to the pact recorder, as the log shows them. */
import type { ContractFacts } from '../../checks/index.js';
import { decodeSegment, encodeSegment, matchPath } from '../../contract/path.js';
import { PactRecorder, type RecordedPact } from '../../pact/record/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { LogEntry } from './log.js';
import { coherentPointers } from './respond.js';
import { classify, shapeDimensions, type Dimension } from '../../checks/response-shapes.js';

/** Feeds log entries to a PactRecorder: valid requests answered by a response the contract documents. */
export class PactRecording {
  readonly #recorder: PactRecorder;
  readonly #dimensions: readonly Dimension[];

  constructor(private readonly contract: OperationContract, private readonly facts: ContractFacts) {
    this.#recorder = new PactRecorder(contract);
    // An enum member is not a behaviour of its own (the pact matches every member); a branch or presence is.
    this.#dimensions = (facts.successSchema ? shapeDimensions(facts.successSchema, coherentPointers(facts)) : []).filter((dimension) => dimension.kind !== 'enum');
  }

  /** Adds one log entry; anything but a valid request with a documented answer is left out. */
  add(entry: LogEntry): void {
    if (entry.verdict !== 'valid' || !this.facts.statuses.includes(entry.response.status)) return;
    const path = entry.request.path.replace(/[?#].*$/s, '');
    const raw = matchPath(this.contract.operation.pathTemplate, path);
    if (!raw) return;
    const decoded = Object.fromEntries(Object.entries(raw).map(([name, segment]) => [name, decodeSegment(segment) ?? segment]));
    const success = entry.response.status === this.facts.successStatus;
    const shape = success ? [...classify(this.#dimensions, entry.response.body)].map(([dimension, label]) => `${dimension.pointer} ${label}`).join(', ') : undefined;
    this.#recorder.add({
      method: entry.request.method,
      path,
      params: { id: decoded['id'] ?? '', integrationId: decoded['integrationId'] ?? '' },
      headers: entry.request.headers,
      body: entry.request.body,
      status: entry.response.status,
      responseBody: entry.response.body,
      encoded: Object.values(decoded).some((value) => encodeSegment(value, 'pchar') !== value),
      ...(shape ? { shape } : {}),
    });
  }

  /** Writes the pact into `dir` for `consumer`. */
  write(dir: string, consumer: string): Promise<RecordedPact> {
    return this.#recorder.write(dir, consumer);
  }
}
