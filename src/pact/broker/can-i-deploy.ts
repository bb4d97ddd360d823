/**
 * can-i-deploy with the official CLI: `pact broker can-i-deploy --pacticipant P --version V [--to-environment E]
 * --output json`, which asks the broker's matrix (`GET /matrix?q[][pacticipant]=P&q[][version]=V&latestby=cvpv&
 * environment=E`, or `latestby=cvp&latest=true` without an environment). The JSON answer tells "no" (exit 1) from
 * "could not ask" (exit 2), which the CLI's own exit code does not.
 * https://github.com/pact-foundation/pact_broker/blob/master/lib/pact_broker/doc/views/matrix.markdown
 * https://docs.pact.io/pact_broker/can_i_deploy
 */
import { ConfigurationError } from '../../errors.js';
import type { BrokerConfig } from './config.js';
import { BrokerError } from './errors.js';
import { noticesOf, type BrokerNotice } from './notices.js';
import { runPactBroker, type PactCliOptions, type PactCliRun } from './pact-cli.js';
import { isJsonObject } from '../../contract/json.js';

/** The question: may this version of this pacticipant be deployed (to this environment)? */
export interface CanIDeployQuery {
  readonly pacticipant: string;
  readonly version: string;
  readonly environment?: string;
  /** While results are missing, ask again up to this many times, this many seconds apart (the CLI does it). */
  readonly retryWhileUnknown?: number;
  readonly retryIntervalSeconds?: number;
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
}

/** The arguments of `pact broker can-i-deploy` for a query; empty names and bad retry counts are refused. */
export function canIDeployArgs(query: CanIDeployQuery): string[] {
  if (query.pacticipant.trim() === '' || query.version.trim() === '') throw new ConfigurationError('--pacticipant and --version must not be empty');
  const times = query.retryWhileUnknown ?? 0;
  return [
    'can-i-deploy', '--pacticipant', query.pacticipant, '--version', query.version,
    ...(query.environment !== undefined ? ['--to-environment', query.environment] : []),
    ...(times > 0 ? ['--retry-while-unknown', String(times), '--retry-interval', String(query.retryIntervalSeconds ?? 10)] : []),
    '--output', 'json',
  ];
}

const record = (value: unknown): Record<string, unknown> => (isJsonObject(value) ? value : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

function rowOf(value: unknown): MatrixRow {
  const consumer = record(record(value)['consumer']);
  const provider = record(record(value)['provider']);
  const providerVersion = text(record(provider['version'])['number']);
  const success = record(record(value)['verificationResult'])['success'];
  return {
    consumer: text(consumer['name']),
    consumerVersion: text(record(consumer['version'])['number']),
    provider: text(provider['name']),
    ...(providerVersion !== '' ? { providerVersion } : {}),
    ...(typeof success === 'boolean' ? { success } : {}),
  };
}

/** Reads the documented matrix answer (`{summary, matrix, notices}`); undefined when it is not one. */
export function answerOf(body: unknown): CanIDeployAnswer | undefined {
  const summary = record(body)['summary'];
  if (typeof summary !== 'object' || summary === null) return undefined;
  const s = record(summary);
  const count = (name: string): number => (typeof s[name] === 'number' ? (s[name] as number) : 0);
  const matrix = record(body)['matrix'];
  return {
    deployable: typeof s['deployable'] === 'boolean' ? s['deployable'] : undefined,
    reason: text(s['reason']),
    counts: { success: count('success'), failed: count('failed'), unknown: count('unknown') },
    rows: Array.isArray(matrix) ? matrix.map(rowOf) : [],
    notices: noticesOf(body),
  };
}

function parsed(run: PactCliRun): CanIDeployAnswer | undefined {
  try {
    return run.code === 0 ? answerOf(JSON.parse(run.stdout)) : undefined;
  } catch {
    return undefined;
  }
}

/** Asks the broker; a run that gives no matrix answer (unreachable, refused, unknown pacticipant) is a BrokerError. */
export async function canIDeploy(config: BrokerConfig, query: CanIDeployQuery, options: PactCliOptions = {}): Promise<CanIDeployAnswer> {
  const waiting = (query.retryWhileUnknown ?? 0) * (query.retryIntervalSeconds ?? 10) * 1000;
  const run = await runPactBroker(canIDeployArgs(query), config, { ...options, timeoutMs: (options.timeoutMs ?? 120_000) + waiting });
  const answer = parsed(run);
  if (answer === undefined) throw new BrokerError('can-i-deploy', run);
  return answer;
}
