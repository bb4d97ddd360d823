/**
 * record-deployment and record-release with the official CLI: it reads the version
 * (`GET /pacticipants/{p}/versions/{v}`) and POSTs to its `pb:record-deployment` or `pb:record-release` link named
 * after the environment (`.../deployed-versions/environment/{uuid}`, `.../released-versions/environment/{uuid}`).
 * https://docs.pact.io/pact_broker/recording_deployments_and_releases
 */
import { ConfigurationError } from '../../errors.js';
import type { BrokerConfig } from './config.js';
import { BrokerError, printed } from './errors.js';
import { runPactBroker, type PactCliOptions } from './pact-cli.js';

/** Deployment (replaces what ran there) or release (one more supported version, e.g. a mobile app). */
export type RecordKind = 'deployment' | 'release';

/** Which version went where; `applicationInstance` (deployments only) tells apart several in one environment. */
export interface RecordRequest {
  readonly pacticipant: string;
  readonly version: string;
  readonly environment: string;
  readonly applicationInstance?: string;
}

/** The arguments of `pact broker record-deployment|record-release`; empty values are refused. */
export function recordArgs(kind: RecordKind, request: RecordRequest): string[] {
  for (const [flag, value] of [['--pacticipant', request.pacticipant], ['--version', request.version], ['--environment', request.environment]] as const) {
    if (value.trim() === '') throw new ConfigurationError(`${flag} must not be empty`);
  }
  if (kind === 'release' && request.applicationInstance !== undefined) throw new ConfigurationError('--application-instance is for deployments only');
  return [
    `record-${kind}`, '--pacticipant', request.pacticipant, '--version', request.version, '--environment', request.environment,
    ...(request.applicationInstance !== undefined ? ['--application-instance', request.applicationInstance] : []),
  ];
}

/** Records it; resolves with what the CLI printed (scrubbed), or throws a BrokerError when nothing was recorded. */
export async function recordVersion(kind: RecordKind, config: BrokerConfig, request: RecordRequest, options: PactCliOptions = {}): Promise<string> {
  const run = await runPactBroker(recordArgs(kind, request), config, options);
  if (run.code !== 0) throw new BrokerError(`record-${kind}`, run);
  return printed(run);
}
