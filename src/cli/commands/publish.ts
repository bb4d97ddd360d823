/** `stigg-contract publish`: publishes pact files to a Pact Broker as one consumer version (see docs/broker.md). */
import { ConfigurationError } from '../../errors.js';
import { BrokerClient, brokerConfigFrom, ciBuildUrl, commitSha, currentBranch, formatNotices, loadPactFiles, publishPacts } from '../../pact/broker/index.js';
import { optionsOf, type CommandModule } from '../command.js';

interface PublishFlags {
  readonly brokerUrl?: string;
  readonly consumerVersion?: string;
  readonly branch?: string;
  readonly tag: readonly string[];
  readonly buildUrl?: string;
  readonly verbose?: boolean;
}

const HELP = `
Defaults: PACTS = pacts/*.json; --consumer-version = the full git commit SHA (git rev-parse HEAD, else a CI
variable such as GITHUB_SHA); --branch = the CI branch variable (GITHUB_HEAD_REF, GITHUB_REF, CI_COMMIT_BRANCH...)
else git's current branch; --build-url = the CI build URL when known. Broker: --broker-url or PACT_BROKER_BASE_URL;
credentials only from PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD (never printed).
Uses the broker's POST /contracts/publish API (one request per consumer).
Exit codes: 0 published, 2 not published (bad flags or pact files, broker unreachable or refusing).`;

/** `stigg-contract publish [PACTS...]`. */
export const publishCommand: CommandModule = {
  name: 'publish',
  define: (command) => command
    .description('Publish pact files to a Pact Broker (consumer version, branch and tags from git/CI by default)')
    .argument('[pacts...]', 'pact files or directories of *.json (default: pacts/)')
    .option('--broker-url <url>', 'Pact Broker base URL (default: PACT_BROKER_BASE_URL)')
    .option('--consumer-version <version>', 'consumer application version (default: the git commit SHA)')
    .option('--branch <branch>', 'consumer branch (default: from CI variables or git)')
    .option('--tag <tag>', 'consumer version tag; repeatable (branches are preferred over tags)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--build-url <url>', 'CI build URL to link from the broker (default: from CI variables)')
    .option('--verbose', 'also print the broker\'s debug notices')
    .addHelpText('after', HELP),
  async run(args, io) {
    const pactArgs = (args[0] ?? []) as string[];
    const flags = optionsOf<PublishFlags>(args);
    const config = brokerConfigFrom(flags, process.env);
    const cwd = process.cwd();
    const pacts = await loadPactFiles(pactArgs, cwd);
    const consumerVersion = flags.consumerVersion ?? (await commitSha(cwd, process.env));
    if (consumerVersion === undefined) {
      throw new ConfigurationError('no consumer version: pass --consumer-version or run inside a git checkout (or a CI build that sets GITHUB_SHA, CI_COMMIT_SHA...)');
    }
    const branch = flags.branch ?? (await currentBranch(cwd, process.env));
    const buildUrl = flags.buildUrl ?? ciBuildUrl(process.env);
    const consumers = [...new Set(pacts.map((p) => p.consumer))].join(', ');
    io.out(`Publishing ${pacts.length} pact file(s) for ${consumers} version ${consumerVersion} (${branch === undefined ? 'no branch' : `branch ${branch}`}) to ${config.baseUrl}`);
    const results = await publishPacts(new BrokerClient(config), {
      pacts,
      consumerVersion,
      tags: flags.tag,
      ...(branch !== undefined ? { branch } : {}),
      ...(buildUrl !== undefined ? { buildUrl } : {}),
    });
    for (const result of results) {
      for (const line of formatNotices(result.notices, flags.verbose === true)) io.out(line);
      io.out(`Published ${result.consumer} version ${result.version}${result.versionUrl !== undefined ? `: ${result.versionUrl}` : ''}`);
      for (const url of result.contractUrls) io.out(`  pact: ${url}`);
    }
    return 0;
  },
};
