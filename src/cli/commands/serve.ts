/** `stigg-contract serve`: runs the reference provider until SIGINT or SIGTERM. */
import type { Command } from 'commander';
import { ConfigurationError } from '../../errors.js';
import { OPERATION_PATH_TEMPLATE, SEED_FIXTURES, startReferenceProvider, type ReferenceProvider } from '../../provider/index.js';
import { nextStopSignal } from '../signals.js';
import { optionsOf, type CommandModule } from '../command.js';
import type { CliIo } from '../io.js';
import { API_KEY_ENV } from '../../secrets.js';

interface ServeFlags {
  readonly port: string;
  readonly host: string;
  readonly apiKey?: string;
  readonly rateLimit?: string;
}

/** What `serve` runs with, after flags and environment are checked. */
export interface ServeConfig {
  readonly port: number;
  readonly host: string;
  readonly apiKey: string;
  readonly apiKeySource: string;
  readonly rateLimitPerSecond?: number;
}

/** Flags first, then `STIGG_API_KEY`; throws ConfigurationError (exit 2) for anything unusable. */
export function resolveServeConfig(flags: ServeFlags, env: NodeJS.ProcessEnv): ServeConfig {
  if (!/^\d{1,5}$/.test(flags.port) || Number(flags.port) > 65535) {
    throw new ConfigurationError(`--port must be an integer from 0 to 65535 (0 picks a free port), got ${JSON.stringify(flags.port)}`);
  }
  if (flags.host.trim() === '') throw new ConfigurationError('--host must not be empty');
  const apiKey = flags.apiKey ?? env[API_KEY_ENV];
  if (apiKey === undefined || apiKey === '') {
    throw new ConfigurationError('no API key: pass --api-key KEY or set STIGG_API_KEY (the key clients must send as X-API-KEY)');
  }
  const base = { port: Number(flags.port), host: flags.host, apiKey, apiKeySource: flags.apiKey !== undefined ? '--api-key' : API_KEY_ENV };
  return flags.rateLimit === undefined ? base : { ...base, rateLimitPerSecond: parseRate(flags.rateLimit) };
}

/** `N` or `N/s`, N a positive number of requests per second. */
export function parseRate(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*s)?\s*$/i.exec(text);
  const rate = match ? Number(match[1]) : Number.NaN;
  if (!(rate > 0) || !Number.isFinite(rate)) {
    throw new ConfigurationError(`--rate-limit must be a positive number of requests per second, like 10/s; got ${JSON.stringify(text)}`);
  }
  return rate;
}

async function start(config: ServeConfig): Promise<ReferenceProvider> {
  const { port, host, apiKey, rateLimitPerSecond } = config;
  try {
    return await startReferenceProvider(rateLimitPerSecond === undefined ? { port, host, apiKey } : { port, host, apiKey, rateLimitPerSecond });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'EADDRINUSE' ? 'the port is already in use' : error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(`cannot listen on ${host}:${port}: ${reason}`, { cause: error });
  }
}

function describe(provider: ReferenceProvider, config: ServeConfig): string {
  const example = SEED_FIXTURES[0];
  const rate = config.rateLimitPerSecond === undefined ? 'none (turn on with --rate-limit N/s)' : `${config.rateLimitPerSecond} requests/s per key`;
  return [
    `Reference provider listening on ${provider.url}`,
    `  operation:     PATCH ${provider.url}${OPERATION_PATH_TEMPLATE}`,
    `  state change:  POST ${provider.stateUrl}`,
    `  API key:       from ${config.apiKeySource} (clients send it as X-API-KEY)`,
    `  rate limit:    ${rate}`,
    ...(example ? [`  try:           PATCH ${provider.operationUrl(example.customerId, example.integrationId)}`] : []),
    'Stop with Ctrl+C (SIGINT) or SIGTERM.',
  ].join('\n');
}


export const serveCommand: CommandModule = {
  name: 'serve',
  define: (command: Command) =>
    command
      .description('Start the reference provider (the embedded default target), with the Pact state-change endpoint')
      .option('--port <port>', 'port to listen on; 0 picks a free one', '0')
      .option('--host <host>', 'address to bind; keep it loopback: the state endpoint can rewrite all data', '127.0.0.1')
      .option('--api-key <key>', 'the API key clients must send as X-API-KEY (default: $STIGG_API_KEY, the better place for it: see below)')
      .option('--rate-limit <rate>', 'requests per second per key, e.g. 10/s (default: unlimited)')
      .addHelpText('after', `\nThe API key: prefer ${API_KEY_ENV} in the environment to --api-key, whose value every process on the machine can\nread (ps) and which shell history and CI logs keep.`),
  async run(args: readonly unknown[], io: CliIo): Promise<number> {
    const config = resolveServeConfig(optionsOf<ServeFlags>(args), process.env);
    if (!['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
      io.err(`warning: binding ${config.host}, not loopback: anyone who can reach it can rewrite the provider's data`);
    }
    const provider = await start(config);
    const stopped = nextStopSignal();
    io.out(describe(provider, config));
    const signal = await stopped;
    await provider.close();
    io.err(`stopped on ${signal}`);
    return 0;
  },
};
