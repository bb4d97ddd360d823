/** `stigg-contract can-i-deploy`: asks the Pact Broker's matrix whether a version is safe to deploy. */
import { ConfigurationError } from '../../errors.js';
import { BrokerClient, brokerConfigFrom, canIDeploy, formatMatrix, formatNotices, formatVerdict } from '../../pact/broker/index.js';
import { parseInteger } from '../flags.js';
import { optionsOf, type CommandModule } from '../command.js';

interface CanIDeployFlags {
  readonly pacticipant: string;
  readonly version: string;
  readonly toEnvironment?: string;
  readonly brokerUrl?: string;
  readonly retryWhileUnknown: string;
  readonly retryInterval: string;
}


/** `stigg-contract can-i-deploy --pacticipant P --version V [--to-environment E]`. */
export const canIDeployCommand: CommandModule = {
  name: 'can-i-deploy',
  define: (command) => command
    .description('Ask the Pact Broker whether a pacticipant version can be deployed (to an environment)')
    .requiredOption('--pacticipant <name>', 'the application to deploy')
    .requiredOption('--version <version>', 'its version (the git SHA it was published with)')
    .option('--to-environment <name>', 'the target environment (default: check against the latest version of each integration partner)')
    .option('--broker-url <url>', 'Pact Broker base URL (default: PACT_BROKER_BASE_URL)')
    .option('--retry-while-unknown <times>', 'ask again up to N times while verification results are missing', '0')
    .option('--retry-interval <seconds>', 'seconds between those attempts', '10')
    .addHelpText('after', '\nExit codes: 0 deployable, 1 not deployable (or unknown after the retries), 2 the question could not be asked.'),
  async run(args, io) {
    const flags = optionsOf<CanIDeployFlags>(args);
    const times = parseInteger(flags.retryWhileUnknown, '--retry-while-unknown', 0, 1000);
    const intervalMs = parseInteger(flags.retryInterval, '--retry-interval', 0, 3600) * 1000;
    const client = new BrokerClient(brokerConfigFrom(flags, process.env));
    const query = { pacticipant: flags.pacticipant, version: flags.version, ...(flags.toEnvironment !== undefined ? { environment: flags.toEnvironment } : {}) };
    const answer = await canIDeploy(client, query, { times, intervalMs });
    for (const line of formatMatrix(answer.rows)) io.out(line);
    io.out('');
    for (const line of formatNotices(answer.notices)) io.out(line);
    io.out(formatVerdict(answer));
    if (answer.attempts > 1) io.out(`(asked ${answer.attempts} times)`);
    return answer.deployable === true ? 0 : 1;
  },
};
