/** The gate shared by checks that read the record of a successful answer (update_applied, addressed_resource). */
import { scenarioMismatch } from './cases.js';
import { isTransportFailure, jsonOf, notApplicable, propertyOf, skip } from './finding.js';
import type { CheckContext, Exchange, NotApplicable, Skipped } from './types.js';

/** The record a success answer carries (`data`), or why there is none to read. */
export type RecordOrReason = { readonly record: Readonly<Record<string, unknown>> } | Skipped | NotApplicable;

/** Reads the success record; only on existing or unknown data, and only when the answer is the documented success. */
export function successRecord(context: CheckContext, exchange: Exchange): RecordOrReason {
  const { scenario, response } = exchange;
  if (scenario.kind !== 'existing' && scenario.kind !== 'unknown') return notApplicable(`scenario ${scenario.kind}`);
  const mismatch = scenarioMismatch(exchange.case, scenario, context.facts);
  if (mismatch !== undefined) return skip(mismatch);
  if (isTransportFailure(response)) return skip(`no response (${response.error})`);
  if (response.status !== context.facts.successStatus) return notApplicable(`answered ${response.status}`);
  const body = jsonOf(response);
  const { envelope } = context.facts;
  const record = body.kind === 'json' ? (envelope === undefined ? body.value : propertyOf(body.value, envelope)) : undefined;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return notApplicable('no record in the body (response_schema reports it)');
  return { record: record as Readonly<Record<string, unknown>> };
}
