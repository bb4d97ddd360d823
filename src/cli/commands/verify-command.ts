/**
 * `stigg-contract verify` as the CLI declares it: its flags (verify-flags.ts) and help, light enough that
 * `verify --help` starts as fast as `--help`; the run (verify.ts) and all it imports load only when it runs.
 */
import { BROKER_VERIFICATION_FLAGS } from '../../pact/broker/verification-source.js';
import { API_KEY_ENV } from '../../secrets.js';
import { runFrom, type CommandModule } from '../command.js';
import { defineFlags } from '../flags.js';
import { VERIFY_FLAGS } from './verify-flags.js';

const HELP = `
The API key: prefer ${API_KEY_ENV} in the environment to --api-key, whose value every process on the machine can read
(ps) and which shell history and CI logs keep; either way it is never printed.
The seed is printed first (stderr). Ctrl+C stops the run at once (the requests in flight and Pact's verifier too), tears
down the provider states within about two seconds, prints and writes the report so far, and exits 130; a second Ctrl+C
ends it at once, without either.
Exit codes: 0 no violation, 1 violations (or contract defects with --strict-contract, contract drift with --fail-on-drift), 2 the run could not be done or gave no verdict (stopped early, a provider-state problem, too few cases judged), 130 interrupted.`;

/** `stigg-contract verify`: pact verification plus property-based conformance against a provider. */
export const verifyCommand: CommandModule = {
  name: 'verify',
  define(command) {
    command.description('Verify a provider: its pacts, then every edge class (systematic) and property-based conformance (random) with every check, then the provider states');
    defineFlags(command, VERIFY_FLAGS);
    for (const { flags, description } of BROKER_VERIFICATION_FLAGS) command.option(flags, description);
    return command.addHelpText('after', HELP);
  },
  run: runFrom(() => import('./verify.js')),
};
