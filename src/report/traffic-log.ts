/**
 * The NDJSON traffic log: one line per request the checks judged — each exchange (request, response, verdict per
 * check) and each related request sent with it (the repeat, the header variants) — and one per pact interaction
 * (Pact's verifier sends those itself: the line gives the outcome, not the bytes). Secrets redacted everywhere.
 */
import { trimResponse, type CheckRun, type Exchange } from '../checks/index.js';
import { type PactOutcome } from '../events/index.js';
import { redactDeep, type ValuePath } from '../secrets.js';

/** A line's own vocabulary, never scrubbed (see report/redact.ts): what a reader of the log filters on. */
const LOG_TAGS: ReadonlySet<ValuePath> = new Set([
  'time', 'intent.intent', 'intent.breaks.part', 'intent.breaks.pointer', 'intent.breaks.keyword', 'scenario', 'verdict', 'failed.*',
  'edgeClass', 'replay.path', 'related.relation', 'response.error',
]);

/** The log lines (no trailing newline) for an exchange and its check outcomes: the exchange first, then its related requests. */
export function trafficLines(exchange: Exchange, runs: readonly CheckRun[], secrets: readonly string[], at: Date = new Date()): string {
  const failed = runs.filter((run) => run.outcome.status === 'failed').map((run) => run.check);
  const time = at.toISOString();
  const lines: unknown[] = [{
    time,
    intent: exchange.case.expect,
    scenario: exchange.scenario.kind,
    request: exchange.request,
    response: trimResponse(exchange.response),
    verdict: failed.length === 0 ? 'passed' : 'failed',
    failed,
    ...(exchange.edgeClass === undefined ? {} : { edgeClass: exchange.edgeClass }),
    ...(exchange.replay ? { replay: exchange.replay } : {}),
  }];
  for (const related of exchange.related ?? []) {
    // Judged with the exchange above (idempotent, optional_headers_harmless): its verdict is that line's.
    lines.push({ time, related: { relation: related.relation, label: related.label }, request: related.request, response: trimResponse(related.response) });
  }
  return lines.map((line) => JSON.stringify(redactDeep(line, secrets, { keep: LOG_TAGS }))).join('\n');
}

/** The log line of one pact interaction's outcome. */
export function pactLine(result: PactOutcome, secrets: readonly string[], at: Date = new Date()): string {
  return JSON.stringify(redactDeep({ time: at.toISOString(), pact: result, verdict: result.passed ? 'passed' : 'failed' }, secrets, { keep: LOG_TAGS }));
}
