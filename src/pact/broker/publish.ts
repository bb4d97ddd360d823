/**
 * Publishes pact files with the official CLI: `pact broker publish FILES --consumer-app-version V [--branch B]
 * [--tag T]... [--build-url U]`, which POSTs one publication per consumer to the index's `pb:publish-contracts`
 * relation (`POST /contracts/publish`, the pacts base64 in `contracts[].content`).
 * https://github.com/pact-foundation/pact_broker/blob/master/lib/pact_broker/doc/views/index/publish-contracts.markdown
 * The check-pact gate runs before this (src/cli/commands/publish.ts): only pacts the contract admits are shared.
 */
import { ConfigurationError } from '../../errors.js';
import type { BrokerConfig } from './config.js';
import { BrokerError, printed } from './errors.js';
import { runPactBroker, type PactCliOptions } from './pact-cli.js';

/** What to publish and as which consumer version. */
export interface PublishRequest {
  readonly files: readonly string[];
  readonly consumerVersion: string;
  readonly branch?: string;
  readonly tags?: readonly string[];
  readonly buildUrl?: string;
  /** The CLI's debug log too (still scrubbed). */
  readonly verbose?: boolean;
}

/** The CLI takes glob patterns: each metacharacter of a real path is made literal by bracketing it. */
export const literalGlob = (path: string): string => path.replace(/[[\]*?]/g, (c) => `[${c}]`);

/** The arguments of `pact broker publish` for a request; empty versions or tags, or tags with commas, are refused. */
export function publishArgs(request: PublishRequest): string[] {
  if (request.files.length === 0) throw new ConfigurationError('no pacts to publish');
  if (request.consumerVersion.trim() === '') throw new ConfigurationError('the consumer version must not be empty');
  for (const tag of request.tags ?? []) {
    // The CLI splits --tag values at commas.
    if (tag.trim() === '' || tag.includes(',')) throw new ConfigurationError(`a --tag must be non-empty and without commas, got ${JSON.stringify(tag)}`);
  }
  return [
    'publish', ...request.files.map(literalGlob),
    '--consumer-app-version', request.consumerVersion,
    ...(request.branch !== undefined ? ['--branch', request.branch] : []),
    // One --tag, comma-separated: the CLI refuses the flag twice.
    ...((request.tags ?? []).length > 0 ? ['--tag', (request.tags ?? []).join(',')] : []),
    ...(request.buildUrl !== undefined ? ['--build-url', request.buildUrl] : []),
    ...(request.verbose === true ? ['--log-level', 'debug'] : []),
  ];
}

/** Publishes; resolves with what the CLI printed (scrubbed), or throws a BrokerError when nothing was published. */
export async function publishPacts(config: BrokerConfig, request: PublishRequest, options: PactCliOptions = {}): Promise<string> {
  const run = await runPactBroker(publishArgs(request), config, options);
  if (run.code !== 0) throw new BrokerError('publish', run);
  return printed(run);
}
