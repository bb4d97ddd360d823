/** Helpers every check uses: reading a response, and building findings, skips and "not applicable" results. */
import { BODY_PREVIEW_BYTES } from './documented.js';
import type { CheckOutcome, NotApplicable, Skipped } from './check.js';
import type { Exchange, Finding, FindingKind, ReceivedResponse, ResponseOutcome, TransportFailure, TrimmedResponse } from './types.js';
import { isJsonObject, jsonText } from '../contract/json.js';
import { headerValue } from '../http/headers.js';

/** True when no response arrived. */
export function isTransportFailure(outcome: ResponseOutcome): outcome is TransportFailure {
  return 'error' in outcome;
}

/** A response header by case-insensitive name. */
export const headerOf = (response: ReceivedResponse, name: string): string | undefined => headerValue(response.headers, name);

/** A response body read as JSON: the runner's parse when given, else `rawBody` parsed here. */
export type JsonBody = { readonly kind: 'json'; readonly value: unknown } | { readonly kind: 'empty' } | { readonly kind: 'invalid'; readonly error: string };

/** Reads a response body as JSON. */
export function jsonOf(response: ReceivedResponse): JsonBody {
  if (response.body !== undefined) return { kind: 'json', value: response.body };
  if (response.rawBody.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(response.rawBody) as unknown };
  } catch (error) {
    return { kind: 'invalid', error: error instanceof Error ? error.message : String(error) };
  }
}

/** A property of a JSON object, or undefined (for non-objects too). */
export function propertyOf(value: unknown, name: string): unknown {
  return isJsonObject(value) ? value[name] : undefined;
}

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character. */
export function cutBytes(text: string, maxBytes: number): { readonly text: string; readonly truncated: boolean } {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return { text, truncated: false };
  let bytes = 0;
  let out = '';
  for (const char of text) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > maxBytes) break;
    out += char;
  }
  return { text: out, truncated: true };
}

/** A single-line rendering of any value for `expected`/`actual`, cut to `max` characters. */
export function show(value: unknown, max = 200): string {
  const text = typeof value === 'string' ? value : value === undefined ? 'undefined' : jsonText(value);
  const chars = [...text.replace(/\r?\n/g, '\\n')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}… (${chars.length} chars)`;
}

/** A value as JSON in a message (`"NotFound"`, `null`): quoted, so findings differing only in it share a shape. */
export const literal = (value: unknown, max = 60): string => show(value === undefined ? '(absent)' : jsonText(value), max);

/** A response as a finding keeps it. */
export function trimResponse(outcome: ResponseOutcome): TrimmedResponse | TransportFailure {
  if (isTransportFailure(outcome)) return outcome;
  const body = cutBytes(outcome.rawBody, BODY_PREVIEW_BYTES);
  return { status: outcome.status, headers: outcome.headers, body: body.text, truncated: body.truncated, elapsedMs: outcome.elapsedMs };
}

/** One line describing what came back: `404 {"message":…,"code":"CustomerNotFound"}` or `timeout: …`. */
export function describeOutcome(outcome: ResponseOutcome): string {
  if (isTransportFailure(outcome)) return `${outcome.error}: ${show(outcome.message, 120)}`;
  return outcome.rawBody === '' ? `${outcome.status} (empty body)` : `${outcome.status} ${show(outcome.rawBody, 160)}`;
}

/** What a check states about one problem; `finding()` adds the exchange's details. */
export interface Problem {
  readonly kind?: FindingKind;
  readonly message: string;
  readonly expected: string;
  readonly actual: string;
}

/** Builds a finding of `check` about `exchange` (kind defaults to violation). */
export function finding(check: string, exchange: Exchange, problem: Problem): Finding {
  return {
    check,
    kind: problem.kind ?? 'violation',
    message: problem.message,
    expected: problem.expected,
    actual: show(problem.actual),
    intent: exchange.case.expect,
    scenario: exchange.scenario.kind,
    request: exchange.request,
    response: trimResponse(exchange.response),
    ...(exchange.replay ? { replay: exchange.replay } : {}),
  };
}

/**
 * Whether a finding of this kind fails a run: a violation always, a contract defect only when strict, contract drift
 * only with `failOnDrift` (`--fail-on-drift`), a warning never.
 */
export const failsRun = (kind: FindingKind, strictContract: boolean, failOnDrift = false): boolean =>
  kind === 'violation' || (strictContract && kind === 'contract-defect') || (failOnDrift && kind === 'contract-drift');

/** Whether a finding of this kind makes a check's outcome on an exchange `failed` (warnings and drift alone do not). */
export const failsCheck = (kind: FindingKind): boolean => kind === 'violation' || kind === 'contract-defect';

/** The check cannot judge this exchange, and says why. */
export const skip = (reason: string): Skipped => ({ skipped: reason });

/** Why an exchange without a response is not judged. */
export const noResponse = (failure: TransportFailure): string => `no response (${failure.error})`;

/** Why a 429 is not judged by a check about something else: a limiter's answer says nothing either way. */
export const RATE_LIMITED = 'rate limited (429): no evidence either way';

/** The check has nothing to say about this exchange. */
export const notApplicable = (reason: string): NotApplicable => ({ notApplicable: reason });

/** How many findings in `runs` fail the run (violations, and contract defects when strict): for progress lines. */
export function failingFindings(runs: readonly { readonly outcome: CheckOutcome }[], strictContract = false): number {
  return runs.reduce((sum, { outcome }) => {
    if (outcome.status !== 'failed') return sum;
    return sum + outcome.findings.filter((f) => failsRun(f.kind, strictContract)).length;
  }, 0);
}
