/**
 * The API key goes in at send time, never before: the wire request carries the real key, the recorded request the
 * placeholder `$STIGG_API_KEY`, so reports, logs and reproducers never hold it. The extra headers a gateway needs
 * (`--header`) go in the same way, recorded as "[REDACTED]": never part of the case the checks judge.
 */
import { fillKey, type RequestCase } from '../../arbitraries/index.js';
import { API_KEY_PLACEHOLDER, type SentRequest } from '../../checks/index.js';
import type { OperationContract } from '../../validators/index.js';
import type { WireRequest } from './transport.js';
import { apiKeyHeaderOf } from '../../contract/operation.js';
import { REDACTED } from '../../secrets.js';

/** What injecting needs: the contract (its key header), the base URL (for the record), the key and extra headers. */
export interface KeyTarget {
  readonly contract: OperationContract;
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Sent with every request (`--header`), after the case's own headers; none of them is a documented one. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The wire request, and its record with the key shown as the placeholder. */
export function wireOf(testCase: RequestCase, target: KeyTarget): { wire: WireRequest; sent: SentRequest } {
  const header = apiKeyHeaderOf(target.contract.operation);
  const headers: Record<string, string> = { ...testCase.headers };
  const shown: Record<string, string> = { ...testCase.headers };
  if (header && testCase.key === 'valid') {
    headers[header] = target.apiKey;
    shown[header] = API_KEY_PLACEHOLDER;
  } else if (header && typeof testCase.key === 'object') {
    // A wrong key may be made from the real one (key expressions stand for it: shown as is, filled in on the wire).
    const filled = fillKey(testCase.key.wrong, target.apiKey);
    // A generated "wrong" key could in theory equal the real one; then it would not be wrong.
    const same = filled === target.apiKey;
    headers[header] = same ? `${filled}-not` : filled;
    shown[header] = same ? `${testCase.key.wrong}-not` : testCase.key.wrong;
  }
  for (const [name, value] of Object.entries(target.headers ?? {})) {
    headers[name] = value;
    shown[name] = REDACTED;
  }
  const base = target.baseUrl.endsWith('/') ? target.baseUrl.slice(0, -1) : target.baseUrl;
  return {
    wire: { method: testCase.method, path: testCase.path, headers, body: testCase.rawBody },
    sent: { method: testCase.method, url: base + testCase.path, path: testCase.path, headers: shown, rawBody: testCase.rawBody },
  };
}
