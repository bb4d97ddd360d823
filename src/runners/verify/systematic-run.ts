/**
 * Runs the systematic cases in order, judging each exchange with every selected check: up to `concurrency` at a
 * time, but one at a time per addressed record (a case updates the record; its repeat must meet its own write). A
 * case's `keyHeader` renames the API-key header on the wire and in the record.
 */
import { runChecks, type CheckContext, type Exchange } from '../../checks/index.js';
import { type RunListener } from '../../events/index.js';
import { executeRaw, type SendContext } from './execute.js';
import { withParsedBodies } from './parse-bodies.js';
import { RecordLocks, recordKey } from './record-locks.js';
import type { SystematicCase } from './systematic.js';
import type { RunControl } from './control.js';
import { edgePath } from './replay-path.js';
import type { Transport } from './transport.js';
import { apiKeyHeaderOf } from '../../contract/operation.js';

/** What the systematic phase did. */
export interface SystematicSummary {
  readonly cases: number;
  /** The edge classes run, each once, in order. */
  readonly edgeClasses: readonly string[];
  readonly interrupted: boolean;
}

const rename = (headers: Readonly<Record<string, string>>, from: string, to: string): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name === from ? to : name, value]));

/** A transport that sends the key header `from` under the name `to`. */
export function renaming(transport: Transport, from: string, to: string): Transport {
  return { prefix: transport.prefix, close: () => transport.close(), send: (request) => transport.send({ ...request, headers: rename(request.headers, from, to) }) };
}

/** The exchange as recorded, the key header under the name it was sent with. */
export function recorded(exchange: Exchange, from: string, to: string): Exchange {
  const related = exchange.related?.map((r) => ({ ...r, request: { ...r.request, headers: rename(r.request.headers, from, to) } }));
  return { ...exchange, request: { ...exchange.request, headers: rename(exchange.request.headers, from, to) }, ...(related ? { related } : {}) };
}

/** How the systematic phase runs: a time bound, requests in flight (default 1), the run's seed for replay lines. */
export interface SystematicOptions {
  readonly maxDurationMs: number;
  readonly concurrency?: number;
  readonly seed: number;
  /** Send only the case at this index (a `--path edge:N` replay). */
  readonly only?: number;
  /** Send only the cases at these indices (a shard's share); the others keep their index (`edge:N`). */
  readonly indices?: ReadonlySet<number>;
  /** The shard (`2/4`) the replay lines name: its data carries its tag. */
  readonly shard?: string;
  /** Asked before each case: a stopped run sends no more. */
  readonly control?: RunControl;
}

/** Sends every case (bounded by `maxDurationMs`) and reports each exchange to the listener. */
export async function runSystematic(cases: readonly SystematicCase[], send: SendContext, context: CheckContext, listener: RunListener, options: SystematicOptions): Promise<SystematicSummary> {
  const deadline = Date.now() + options.maxDurationMs;
  const keyHeader = apiKeyHeaderOf(send.contract.operation);
  const classes = new Set<string>();
  const locks = new RecordLocks();
  const inflight = new Set<Promise<void>>();
  let count = 0;
  // On data of unknown state a repeat or a header variant proves little: related requests go only with cases whose
  // data the run set up, and not with those the list sends alone.
  const unrelated: SendContext = { ...send, checks: send.checks.filter((check) => check.needs === undefined) };
  const run = async (planned: SystematicCase, index: number): Promise<void> => {
    const spelled = keyHeader !== undefined && planned.keyHeader !== undefined ? planned.keyHeader : undefined;
    const base = planned.scenario.kind === 'unknown' || planned.related === false ? unrelated : send;
    const context_ = spelled && keyHeader ? { ...base, transport: renaming(base.transport, keyHeader, spelled) } : base;
    const raw = await executeRaw(planned, context_, { seed: options.seed, ...(options.shard === undefined ? {} : { shard: options.shard }), path: edgePath(index) });
    const exchange = { ...withParsedBodies(spelled && keyHeader ? recorded(raw, keyHeader, spelled) : raw), edgeClass: planned.edgeClass, ...(planned.edgeKind === undefined ? {} : { edgeKind: planned.edgeKind }) };
    listener.onExchange?.(exchange, runChecks(send.checks, context, exchange));
  };
  let interrupted = false;
  for (const [index, planned] of cases.entries()) {
    if (options.only !== undefined ? index !== options.only : options.indices?.has(index) === false) continue;
    if (Date.now() > deadline || options.control?.stopped) {
      interrupted = true;
      break;
    }
    const job = locks.run(recordKey(planned), () => run(planned, index));
    inflight.add(job);
    void job.finally(() => inflight.delete(job));
    classes.add(planned.edgeClass);
    count++;
    if (inflight.size >= Math.max(1, options.concurrency ?? 1)) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  return { cases: count, edgeClasses: [...classes], interrupted };
}
