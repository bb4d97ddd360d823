/** `stigg-contract publish`: the check-pact gate, then the pacts to a Pact Broker as one consumer version (docs/broker.md). */
import { resolve } from 'node:path';
import { ConfigurationError } from '../../errors.js';
import { checkPactExitCode, checkPacts } from '../../pact/check-pact.js';
import { ciBuildUrl, commitSha, currentBranch, findPactFiles, publishArgs, publishPacts, type BrokerConfig, type PublishRequest } from '../../pact/broker/index.js';
import { PROVIDER } from '../../pact/names.js';
import { openContract } from '../../validators/index.js';
import { optionsOf, type CommandModule } from '../command.js';
import { OPERATION_HELP } from '../flags.js';
import type { CliIo } from '../io.js';
import { brokerOf, scrubbing, withBroker } from './broker-flags.js';
import { checkPactSummary, checkPactVerdict } from '../../pact/check-pact-verdict.js';
import { formatConsole } from '../../report/index.js';

interface PublishFlags {
  readonly brokerUrl?: string;
  readonly consumerVersion?: string;
  readonly branch?: string;
  readonly tag: readonly string[];
  readonly buildUrl?: string;
  readonly verbose?: boolean;
  readonly contract?: string;
  readonly operation?: string;
  readonly provider: string;
  readonly strictContract?: boolean;
}

const HELP = `
Before anything is sent, the pacts pass the check-pact gate: a pact the contract rejects is not published (exit 1).
Defaults: PACTS = pacts/*.json; --consumer-version = the full git commit SHA (git rev-parse HEAD, else a CI
variable such as GITHUB_SHA); --branch = the CI branch variable (GITHUB_HEAD_REF, GITHUB_REF, CI_COMMIT_BRANCH...)
else git's current branch; --build-url = the CI build URL when known.`;

/** Runs the gate; returns the exit code that stops the publication, or 0 to go on. */
async function gate(files: readonly string[], flags: PublishFlags, io: CliIo): Promise<{ code: number; consumers: string[] }> {
  const contract = await openContract(flags.contract, flags.operation);
  const report = await checkPacts(files.map((file) => resolve(file)), { contract, provider: flags.provider });
  if (report.unusable.length > 0) {
    throw new ConfigurationError(`not published: ${report.unusable.map(({ file, reason }) => `${file}: ${reason}`).join('; ')}`);
  }
  const code = checkPactExitCode(report, flags.strictContract === true);
  io.out(code === 0 ? `check-pact: ${checkPactSummary(report)}` : formatConsole(checkPactVerdict(report, contract, flags.strictContract === true)));
  if (code !== 0) io.err('stigg-contract: not published: the pacts break the contract (above); fix the consumer tests, then publish');
  return { code, consumers: [...new Set(report.checked.map((pact) => pact.consumer))] };
}

/** Every flag and default resolved and checked (publishArgs refuses what the Pact CLI would), before anything is printed. */
async function publication(args: readonly unknown[], flags: PublishFlags, cwd: string): Promise<PublishRequest> {
  const files = await findPactFiles((args[0] ?? []) as string[], cwd);
  const consumerVersion = flags.consumerVersion ?? (await commitSha(cwd, process.env));
  if (consumerVersion === undefined) {
    throw new ConfigurationError('no consumer version: pass --consumer-version or run inside a git checkout (or a CI build that sets GITHUB_SHA, CI_COMMIT_SHA...)');
  }
  if (flags.branch?.trim() === '') throw new ConfigurationError('--branch must not be empty');
  if (flags.buildUrl !== undefined && !/^https?:\/\/\S+$/.test(flags.buildUrl)) throw new ConfigurationError(`--build-url must be an http(s) URL, got ${JSON.stringify(flags.buildUrl.slice(0, 200))}`);
  const branch = flags.branch ?? (await currentBranch(cwd, process.env));
  const buildUrl = flags.buildUrl ?? ciBuildUrl(process.env);
  const request: PublishRequest = {
    files, consumerVersion, tags: flags.tag, verbose: flags.verbose === true,
    ...(branch !== undefined ? { branch } : {}),
    ...(buildUrl !== undefined ? { buildUrl } : {}),
  };
  publishArgs(request);
  return request;
}

/** Checks every flag, runs the gate, publishes; the exit code. */
async function publish(args: readonly unknown[], flags: PublishFlags, config: BrokerConfig, io: CliIo): Promise<number> {
  const request = await publication(args, flags, process.cwd());
  const { code, consumers } = await gate(request.files, flags, io);
  if (code !== 0) return code;
  io.out(`Publishing ${request.files.length} pact file(s) for ${consumers.join(', ')} version ${request.consumerVersion} (${request.branch === undefined ? 'no branch' : `branch ${request.branch}`}) to ${config.baseUrl}`);
  io.out(await publishPacts(config, request));
  return 0;
}

/** `stigg-contract publish [PACTS...]`. */
export const publishCommand: CommandModule = {
  name: 'publish',
  define: (command) => withBroker(command
    .description('Publish pact files to a Pact Broker (consumer version, branch and tags from git/CI by default)')
    .argument('[pacts...]', 'pact files or directories of *.json (default: pacts/)')
    .option('--consumer-version <version>', 'consumer application version (default: the git commit SHA)')
    .option('--branch <branch>', 'consumer branch (default: from CI variables or git)')
    .option('--tag <tag>', 'consumer version tag; repeatable (branches are preferred over tags)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--build-url <url>', 'CI build URL to link from the broker (default: from CI variables)')
    .option('--verbose', 'also print the Pact CLI\'s debug log (scrubbed like everything else)')
    .option('--contract <file>', 'OpenAPI 3.0 document the gate holds the pacts to (default: the shipped Stigg contract)')
    .option('--operation <id>', OPERATION_HELP)
    .option('--provider <name>', 'the provider every pact must name', PROVIDER)
    .option('--strict-contract', 'contract defects stop the publication too')
    .addHelpText('after', HELP), '0 published, 1 the gate found violations (nothing sent), 2 not published (bad flags or pact files, broker unreachable or refusing).'),
  async run(args, io) {
    const flags = optionsOf<PublishFlags>(args);
    const config = brokerOf(flags);
    return scrubbing(io, config, (out) => publish(args, flags, config, out));
  },
};
