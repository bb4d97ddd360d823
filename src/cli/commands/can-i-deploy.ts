/** `stigg-contract can-i-deploy`: asks the Pact Broker's matrix whether a version is safe to deploy. */
import { canIDeploy, formatMatrix, formatNotices, formatVerdict } from '../../pact/broker/index.js';
import { parseInteger } from '../flags.js';
import { optionsOf, type CommandModule } from '../command.js';
import { brokerOf, scrubbing, withBroker } from './broker-flags.js';

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
  define: (command) => withBroker(command
    .description('Ask the Pact Broker whether a pacticipant version can be deployed (to an environment)')
    .requiredOption('--pacticipant <name>', 'the application to deploy')
    .requiredOption('--version <version>', 'its version (the git SHA it was published with)')
    .option('--to-environment <name>', 'the target environment (default: check against the latest version of each integration partner)')
    .option('--retry-while-unknown <times>', 'ask again up to N times while verification results are missing', '0')
    .option('--retry-interval <seconds>', 'seconds between those attempts', '10'),
  '0 deployable, 1 not deployable (or unknown after the retries), 2 the question could not be asked (broker unreachable, refusing, or not knowing the pacticipant).'),
  async run(args, io) {
    const flags = optionsOf<CanIDeployFlags>(args);
    const retryWhileUnknown = parseInteger(flags.retryWhileUnknown, '--retry-while-unknown', 0, 1000);
    const retryIntervalSeconds = parseInteger(flags.retryInterval, '--retry-interval', 0, 3600);
    const config = brokerOf(flags);
    return scrubbing(io, config, async (out) => {
      const answer = await canIDeploy(config, {
        pacticipant: flags.pacticipant, version: flags.version, retryWhileUnknown, retryIntervalSeconds,
        ...(flags.toEnvironment !== undefined ? { environment: flags.toEnvironment } : {}),
      });
      for (const line of formatMatrix(answer.rows)) out.out(line);
      out.out('');
      for (const line of formatNotices(answer.notices)) out.out(line);
      out.out(formatVerdict(answer));
      return answer.deployable === true ? 0 : 1;
    });
  },
};
