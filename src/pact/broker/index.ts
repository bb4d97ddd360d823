/** Pact Broker workflows on the official Pact CLI: publish, can-i-deploy, record-deployment, record-release, verify from a broker. */
export { authFromEnv, brokerConfigFrom, describeAuth, normaliseBrokerUrl, secretsOf, type BrokerAuth, type BrokerConfig } from './config.js';
export { BrokerError, printed } from './errors.js';
export { noticesOf, type BrokerNotice } from './notices.js';
export { DEFAULT_HTTP_RETRIES, pactBinary, runPactBroker, type PactCliOptions, type PactCliRun } from './pact-cli.js';
export { DEFAULT_PACT_DIR, findPactFiles } from './pact-files.js';
export { literalGlob, publishArgs, publishPacts, type PublishRequest } from './publish.js';
export { ciBranch, ciBuildUrl, commitSha, currentBranch, runGit, type GitRunner } from './git.js';
export { answerOf, canIDeploy, canIDeployArgs, type CanIDeployAnswer, type CanIDeployQuery, type MatrixRow } from './can-i-deploy.js';
export { recordArgs, recordVersion, type RecordKind, type RecordRequest } from './record-version.js';
export { formatMatrix, formatNotices, formatVerdict, shortVersion } from './format.js';
export {
  BROKER_VERIFICATION_FLAGS,
  brokerVerificationOptions,
  defaultSelectors,
  parseConsumerVersionSelectors,
  parseWipDate,
  type BrokerVerificationFlags,
  type BrokerVerificationOptions,
  type ConsumerVersionSelector,
} from './verification-source.js';
