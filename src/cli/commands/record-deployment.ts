/** `stigg-contract record-deployment`: tells the Pact Broker which version is now deployed to an environment. */
import { BrokerClient, brokerConfigFrom, recordDeployment } from '../../pact/broker/index.js';
import { optionsOf, type CommandModule } from '../command.js';

interface RecordDeploymentFlags {
  readonly pacticipant: string;
  readonly version: string;
  readonly environment: string;
  readonly applicationInstance?: string;
  readonly brokerUrl?: string;
}

/** `stigg-contract record-deployment --pacticipant P --version V --environment E`. */
export const recordDeploymentCommand: CommandModule = {
  name: 'record-deployment',
  define: (command) => command
    .description('Record in the Pact Broker that a pacticipant version is now deployed to an environment')
    .requiredOption('--pacticipant <name>', 'the application that was deployed')
    .requiredOption('--version <version>', 'its version (the git SHA it was published with)')
    .requiredOption('--environment <name>', 'the environment it was deployed to (must exist in the broker)')
    .option('--application-instance <name>', 'which instance, when one environment runs several')
    .option('--broker-url <url>', 'Pact Broker base URL (default: PACT_BROKER_BASE_URL)')
    .addHelpText('after', '\nCall it at the very end of a successful deployment. Exit codes: 0 recorded, 2 not recorded.'),
  async run(args, io) {
    const flags = optionsOf<RecordDeploymentFlags>(args);
    const client = new BrokerClient(brokerConfigFrom(flags, process.env));
    const record = await recordDeployment(client, {
      pacticipant: flags.pacticipant,
      version: flags.version,
      environment: flags.environment,
      ...(flags.applicationInstance !== undefined ? { applicationInstance: flags.applicationInstance } : {}),
    });
    const instance = flags.applicationInstance !== undefined ? ` (application instance ${flags.applicationInstance})` : '';
    io.out(`Recorded deployment of ${flags.pacticipant} version ${flags.version} to ${record.environment.name}${instance}${record.environment.production ? ' [production]' : ''}`);
    if (record.url !== undefined) io.out(`  ${record.url}`);
    return 0;
  },
};
