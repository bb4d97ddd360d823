/**
 * can-i-deploy: asks the broker's matrix whether a pacticipant version has successful verifications with the
 * versions of its integration partners that are in the target environment (or, without one, their latest).
 * `GET {base}/matrix?q[][pacticipant]=P&q[][version]=V&latestby=cvp&environment=E` → `{summary, matrix, notices}`.
 * https://github.com/pact-foundation/pact_broker/blob/master/lib/pact_broker/doc/views/matrix.markdown
 * https://github.com/pact-foundation/pact_broker/blob/master/lib/pact_broker/doc/views/can-i-deploy.markdown
 * https://docs.pact.io/can_i_deploy
 * The matrix is not a relation of the index (only its per-environment shortcut is), so its URL is built from the
 * base URL, as the official client does.
 */
import { ConfigurationError } from '../../errors.js';
import type { BrokerClient } from './client.js';
import { BrokerError } from './errors.js';
import { noticesOf, type BrokerNotice } from './notices.js';

/** The question: may this version of this pacticipant be deployed (to this environment)? */
export interface CanIDeployQuery {
  readonly pacticipant: string;
  readonly version: string;
  readonly environment?: string;
}

/** While the answer has unknown rows (verifications still running), ask again up to `times` more times. */
export interface RetryPolicy {
  readonly times: number;
  readonly intervalMs: number;
  /** How to wait between attempts (tests pass one that does not wait). */
  readonly wait?: (ms: number) => Promise<void>;
}

/** One row of the matrix: a pact between two versions and its verification result, if any. */
export interface MatrixRow {
  readonly consumer: string;
  readonly consumerVersion: string;
  readonly provider: string;
  readonly providerVersion?: string;
  /** true or false once verified; undefined when no verification result exists. */
  readonly success?: boolean;
}

/** The broker's answer: `deployable` is true, false, or undefined (the broker could not tell). */
export interface CanIDeployAnswer {
  readonly deployable: boolean | undefined;
  readonly reason: string;
  readonly counts: { readonly success: number; readonly failed: number; readonly unknown: number };
  readonly rows: readonly MatrixRow[];
  readonly notices: readonly BrokerNotice[];
  readonly url: string;
  readonly attempts: number;
}

/** The matrix URL for a query, with the documented bracketed parameters. */
export function matrixUrl(baseUrl: string, query: CanIDeployQuery): string {
  const params = new URLSearchParams();
  params.append('q[][pacticipant]', query.pacticipant);
  params.append('q[][version]', query.version);
  params.append('latestby', 'cvp');
  if (query.environment !== undefined) params.append('environment', query.environment);
  else params.append('latest', 'true');
  return `${baseUrl}/matrix?${params.toString()}`;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function rowOf(value: unknown): MatrixRow {
  const consumer = record(record(value)['consumer']);
  const provider = record(record(value)['provider']);
  const providerVersion = text(record(provider['version'])['number']);
  const result = record(value)['verificationResult'];
  const success = record(result)['success'];
  return {
    consumer: text(consumer['name']),
    consumerVersion: text(record(consumer['version'])['number']),
    provider: text(provider['name']),
    ...(providerVersion !== '' ? { providerVersion } : {}),
    ...(typeof success === 'boolean' ? { success } : {}),
  };
}

/** Reads the documented matrix answer; a body without a `summary` is a BrokerError. */
export function answerOf(body: unknown, url: string, attempts: number): CanIDeployAnswer {
  const summary = record(body)['summary'];
  if (typeof summary !== 'object' || summary === null) throw new BrokerError(`the matrix answer from ${url} has no summary`, 0, url);
  const s = record(summary);
  const count = (name: string): number => (typeof s[name] === 'number' ? (s[name] as number) : 0);
  const rows = Array.isArray(record(body)['matrix']) ? (record(body)['matrix'] as unknown[]).map(rowOf) : [];
  return {
    deployable: typeof s['deployable'] === 'boolean' ? s['deployable'] : undefined,
    reason: text(s['reason']),
    counts: { success: count('success'), failed: count('failed'), unknown: count('unknown') },
    rows,
    notices: noticesOf(body),
    url,
    attempts,
  };
}

const realWait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks the broker, retrying a bounded number of times while the answer has unknown rows. */
export async function canIDeploy(client: BrokerClient, query: CanIDeployQuery, retry: RetryPolicy = { times: 0, intervalMs: 0 }): Promise<CanIDeployAnswer> {
  if (query.pacticipant.trim() === '' || query.version.trim() === '') throw new ConfigurationError('--pacticipant and --version must not be empty');
  if (!Number.isInteger(retry.times) || retry.times < 0 || retry.times > 1000) throw new ConfigurationError('the retry count must be an integer from 0 to 1000');
  const url = matrixUrl(client.config.baseUrl, query);
  const wait = retry.wait ?? realWait;
  let answer = answerOf(await client.get(url), url, 1);
  for (let attempt = 2; attempt <= retry.times + 1 && answer.counts.unknown > 0; attempt += 1) {
    await wait(retry.intervalMs);
    answer = answerOf(await client.get(url), url, attempt);
  }
  return answer;
}
