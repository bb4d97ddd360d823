/**
 * Replays one recorded finding against a provider and judges it with the same check: what the regression tests that
 * `verify --save-failures` writes call. The data the case needs is recreated through the state URL first.
 */
import type { Finding, Scenario } from '../checks/index.js';
import { API_KEY_PLACEHOLDER, checkById, createCheckContext, runCheck } from '../checks/index.js';
import { decodeSegment, matchPath } from '../contract/path.js';
import { ConfigurationError } from '../errors.js';
import type { RequestCase } from '../arbitraries/index.js';
import { openContract } from '../validators/index.js';
import { Backoff } from './verify/backoff.js';
import { execute } from './verify/execute.js';
import { createStateClient, type StateChange } from './verify/state-client.js';
import { openTarget } from './verify/target.js';
import { createTransport } from './verify/transport.js';
import { VERIFY_DEFAULTS } from './verify/options.js';
import { apiKeyHeaderOf } from '../contract/operation.js';
import { headerKey } from '../http/headers.js';
import { REDACTED } from '../secrets.js';
import { resolveExtraHeaders, type ExtraHeaders } from './verify/extra-headers.js';

/** Everything a regression test needs: the recorded request, its intent and data state, and the check. */
export interface RegressionSpec {
  readonly check: string;
  readonly message: string;
  /** The run used the embedded reference provider: the replay starts one too unless a base URL is given. */
  readonly embedded: boolean;
  readonly baseUrl: string;
  readonly stateUrl?: string;
  readonly states: readonly StateChange[];
  readonly finding: Pick<Finding, 'intent' | 'request'> & { readonly scenario: Scenario };
}

export interface ReplayOptions {
  readonly baseUrl?: string;
  readonly stateUrl?: string;
  readonly apiKey?: string;
  readonly contractFile?: string;
  readonly timeoutMs?: number;
  /** The extra headers the run sent (`--header`; recorded as "[REDACTED]"): `Name: value` lines, or a record. */
  readonly headers?: ExtraHeaders;
}

/** The RequestCase behind a recorded request: the key placeholder means "the valid key", its absence "missing". */
export function caseOf(spec: RegressionSpec, keyHeader: string, template: string): RequestCase {
  const { request, intent } = spec.finding;
  const headers: Record<string, string> = {};
  let key: RequestCase['key'] = 'missing';
  for (const [name, value] of Object.entries(request.headers)) {
    // An extra header (`--header`) is no part of the case: the replay sends it again from its own options.
    if (value === REDACTED) continue;
    if (headerKey(name) !== headerKey(keyHeader)) headers[name] = value;
    else key = value === API_KEY_PLACEHOLDER ? 'valid' : { wrong: value };
  }
  const raw = matchPath(template, request.path) ?? {};
  const params = Object.fromEntries(Object.entries(raw).map(([name, segment]) => [name, decodeSegment(segment) ?? segment]));
  return { method: request.method, path: request.path, params, encoding: 'unreserved', headers, key, rawBody: request.rawBody, expect: intent };
}

/** Replays the spec's request and returns what its check finds now (empty: the bug is gone). */
export async function replayRegression(spec: RegressionSpec, options: ReplayOptions = {}): Promise<Finding[]> {
  const contract = await openContract(options.contractFile);
  const check = checkById(spec.check);
  if (!check) throw new ConfigurationError(`unknown check ${spec.check}`);
  const baseUrl = options.baseUrl ?? (spec.embedded ? undefined : spec.baseUrl);
  const target = await openTarget({ ...(baseUrl ? { baseUrl } : {}), ...(options.apiKey ? { apiKey: options.apiKey } : {}), ...(options.stateUrl ?? spec.stateUrl ? { stateUrl: options.stateUrl ?? spec.stateUrl } : {}) });
  const timeoutMs = options.timeoutMs ?? 5000;
  const extra = resolveExtraHeaders(options.headers);
  const transport = createTransport({ baseUrl: target.baseUrl, timeoutMs, maxBodyBytes: 2 ** 20, connections: 1 });
  const states = target.stateUrl && spec.states.length ? createStateClient(target.stateUrl, { timeoutMs: VERIFY_DEFAULTS.stateTimeoutMs, headers: extra }) : undefined;
  try {
    for (const change of spec.states) await states?.change(change, 'setup');
    const keyHeader = apiKeyHeaderOf(contract.operation) ?? 'X-API-KEY';
    const planned = { case: caseOf(spec, keyHeader, contract.operation.pathTemplate), scenario: spec.finding.scenario };
    const exchange = await execute(planned, { contract, transport, baseUrl: target.baseUrl, apiKey: target.apiKey, headers: extra, checks: [check], backoff: new Backoff(timeoutMs) });
    const outcome = runCheck(check, createCheckContext(contract), exchange);
    return outcome.status === 'failed' ? outcome.findings.filter((f) => f.kind !== 'warning') : [];
  } finally {
    for (const change of [...spec.states].reverse()) await states?.change(change, 'teardown').catch(() => undefined);
    await transport.close();
    await target.close();
  }
}
