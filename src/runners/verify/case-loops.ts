/**
 * The two ways the random phase sends its cases. With one request in flight, the previous exchange is parsed and
 * judged while the next request is on the wire (that CPU time overlaps the provider's instead of adding to it); with
 * more, up to `concurrency` cases run at once, but one at a time per addressed record, so the related requests of a
 * case meet its own write.
 */
import type { Exchange } from '../../checks/index.js';
import type { DrawnCase } from './case-source.js';
import { recordKey, RecordLocks } from './record-locks.js';

/** What a loop does with each case, and when it must stop drawing more. */
export interface CaseLoop {
  send(drawn: DrawnCase): Promise<Exchange>;
  judge(exchange: Exchange, drawn: DrawnCase): void;
  /** Asked before each case: true ends the loop (deadline passed, run stopped). */
  shouldStop(): boolean;
}

/** What a loop did: how many cases it sent, and whether it stopped before the source ran out. */
export interface LoopResult {
  readonly cases: number;
  readonly interrupted: boolean;
}

/**
 * Resolves after two turns of the event loop. undici writes a request on a reused keep-alive connection from a
 * setImmediate (first draining anything the server sent unasked), and a Pool hands it over from one more: work
 * started before then would run ahead of the write, on the critical path, instead of beside the provider's.
 */
const afterTheWrite = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** One request in flight; the previous exchange is judged once the next one is on the wire. */
export async function runPipelined(source: Iterable<DrawnCase>, loop: CaseLoop): Promise<LoopResult> {
  let cases = 0;
  let previous: { exchange: Exchange; drawn: DrawnCase } | undefined;
  for (const drawn of source) {
    if (loop.shouldStop()) {
      if (previous) loop.judge(previous.exchange, previous.drawn);
      return { cases, interrupted: true };
    }
    cases++;
    const next = loop.send(drawn);
    if (previous) {
      await afterTheWrite();
      loop.judge(previous.exchange, previous.drawn);
    }
    previous = { exchange: await next, drawn };
  }
  if (previous) loop.judge(previous.exchange, previous.drawn);
  return { cases, interrupted: false };
}

/** Up to `concurrency` cases in flight, one per record at a time. */
export async function runConcurrent(source: Iterable<DrawnCase>, loop: CaseLoop, concurrency: number): Promise<LoopResult> {
  const inflight = new Set<Promise<void>>();
  const locks = new RecordLocks();
  let cases = 0;
  let interrupted = false;
  for (const drawn of source) {
    if (loop.shouldStop()) {
      interrupted = true;
      break;
    }
    cases++;
    const job = locks.run(recordKey(drawn.planned), () => loop.send(drawn)).then((exchange) => loop.judge(exchange, drawn));
    inflight.add(job);
    void job.finally(() => inflight.delete(job));
    if (inflight.size >= concurrency) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  return { cases, interrupted };
}
