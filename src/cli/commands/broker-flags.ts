/** What the broker commands share: the broker URL flag, the wording of their help, the scrubbing of their output. */
import type { Command } from 'commander';
import { brokerConfigFrom, secretsOf, type BrokerConfig } from '../../pact/broker/index.js';
import { scrubError, scrubber } from '../../secrets.js';
import type { CliIo } from '../io.js';

/** The broker from `--broker-url` or PACT_BROKER_BASE_URL, credentials from the environment only. */
export const brokerOf = (flags: { readonly brokerUrl?: string }): BrokerConfig => brokerConfigFrom(flags, process.env);

/** Adds `--broker-url` and the help text every broker command ends with. */
export function withBroker(command: Command, exitCodes: string): Command {
  return command
    .option('--broker-url <url>', 'Pact Broker base URL (default: PACT_BROKER_BASE_URL)')
    .addHelpText('after', `
Runs the official Pact CLI (@pact-foundation/pact-cli). Credentials only from PACT_BROKER_TOKEN or
PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD (never from flags, never printed: every line it prints is scrubbed of
them); HTTP retries on 5xx/408/429 from PACT_BROKER_HTTP_RETRIES (default 3). See docs/broker.md.
Exit codes: ${exitCodes}`);
}

/**
 * Runs a broker command with everything it prints, and the message of any error it raises, passed through the
 * scrubber of these credentials: what the Pact CLI printed is scrubbed as it arrives, but a JSON answer the
 * command decodes can spell a secret anew (`\/` becomes `/`), so the last word belongs to the output itself.
 */
export async function scrubbing(io: CliIo, config: BrokerConfig, run: (io: CliIo) => Promise<number>): Promise<number> {
  const scrub = scrubber(secretsOf(config.auth));
  try {
    return await run({ ...io, out: (text) => io.out(scrub(text)), err: (text) => io.err(scrub(text)) });
  } catch (error) {
    throw scrubError(error, scrub);
  }
}
