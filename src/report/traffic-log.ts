/** The NDJSON traffic log: one line per exchange (request, response, verdict per check), secrets redacted. */
import { trimResponse, type CheckRun, type Exchange } from '../checks/index.js';
import { redactDeep } from './redact.js';

/** One log line (without the newline) for an exchange and its check outcomes. */
export function trafficLine(exchange: Exchange, runs: readonly CheckRun[], secrets: readonly string[], at: Date = new Date()): string {
  const failed = runs.filter((run) => run.outcome.status === 'failed').map((run) => run.check);
  const line = {
    time: at.toISOString(),
    intent: exchange.case.expect,
    scenario: exchange.scenario.kind,
    request: exchange.request,
    response: trimResponse(exchange.response),
    verdict: failed.length === 0 ? 'passed' : 'failed',
    failed,
    ...(exchange.replay ? { replay: exchange.replay } : {}),
  };
  return JSON.stringify(redactDeep(line, secrets));
}
