/** The gate shared by checks that read the record of a successful answer (update_applied, addressed_resource, record_unchanged). */
import { jsonOf, notApplicable, propertyOf } from './finding.js';
import type { AnsweredExchange, CheckContext, NotApplicable } from './check.js';

/** The record a success answer carries (`data`), or why there is none to read. */
export type RecordOrReason = { readonly record: Readonly<Record<string, unknown>> } | NotApplicable;

/** Reads the success record, only when the answer is the documented success (the checks declare their scenarios). */
export function successRecord(context: CheckContext, exchange: AnsweredExchange): RecordOrReason {
  const { response } = exchange;
  if (response.status !== context.facts.successStatus) return notApplicable(`answered ${response.status}`);
  const body = jsonOf(response);
  const { envelope } = context.facts;
  const record = body.kind === 'json' ? (envelope === undefined ? body.value : propertyOf(body.value, envelope)) : undefined;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return notApplicable('no record in the body (response_schema reports it)');
  return { record: record as Readonly<Record<string, unknown>> };
}
