/** `stigg-contract record-deployment` and `record-release`: tell the Pact Broker where a version now runs. */
import { recordVersion, type RecordKind } from '../../pact/broker/index.js';
import { optionsOf, type CommandModule } from '../command.js';
import { brokerOf, scrubbing, withBroker } from './broker-flags.js';

interface RecordFlags {
  readonly pacticipant: string;
  readonly version: string;
  readonly environment: string;
  readonly applicationInstance?: string;
  readonly brokerUrl?: string;
}

const WHAT: Readonly<Record<RecordKind, { description: string; when: string }>> = {
  deployment: {
    description: 'Record in the Pact Broker that a pacticipant version is now deployed to an environment',
    when: 'Call it at the very end of a successful deployment; the version it replaces is marked undeployed.',
  },
  release: {
    description: 'Record in the Pact Broker that a pacticipant version is released to an environment (one more supported version)',
    when: 'For software with several versions in use at once (mobile apps, libraries): earlier releases stay supported.',
  },
};

function recordCommand(kind: RecordKind): CommandModule {
  return {
    name: `record-${kind}`,
    define(command) {
      command
        .description(WHAT[kind].description)
        .requiredOption('--pacticipant <name>', `the application that was ${kind === 'deployment' ? 'deployed' : 'released'}`)
        .requiredOption('--version <version>', 'its version (the git SHA it was published with)')
        .requiredOption('--environment <name>', 'the environment (must exist in the broker; brokers start with test and production)');
      if (kind === 'deployment') command.option('--application-instance <name>', 'which instance, when one environment runs several');
      return withBroker(command.addHelpText('after', `\n${WHAT[kind].when}`), `0 recorded, 2 not recorded (unknown environment or version, broker unreachable or refusing).`);
    },
    async run(args, io) {
      const flags = optionsOf<RecordFlags>(args);
      const config = brokerOf(flags);
      return scrubbing(io, config, async (out) => {
        out.out(await recordVersion(kind, config, {
          pacticipant: flags.pacticipant, version: flags.version, environment: flags.environment,
          ...(flags.applicationInstance !== undefined ? { applicationInstance: flags.applicationInstance } : {}),
        }));
        return 0;
      });
    },
  };
}

/** `stigg-contract record-deployment --pacticipant P --version V --environment E [--application-instance I]`. */
export const recordDeploymentCommand = recordCommand('deployment');

/** `stigg-contract record-release --pacticipant P --version V --environment E`. */
export const recordReleaseCommand = recordCommand('release');
