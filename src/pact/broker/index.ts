/** Pact Broker workflows: the curated public surface (publish, verify from a broker, can-i-deploy, record-deployment). */
export { BrokerClient, type BrokerClientOptions } from './client.js';
export { authFromEnv, authorizationHeader, brokerConfigFrom, describeAuth, normaliseBrokerUrl, secretsOf, type BrokerAuth, type BrokerConfig } from './config.js';
export { BrokerError } from './errors.js';
export { expandTemplate, linksOf, type HalLink } from './hal.js';
export { noticesOf, type BrokerNotice } from './notices.js';
export { DEFAULT_PACT_DIR, findPactFiles, loadPactFiles, readPactFile, type PactFile } from './pact-files.js';
export { publicationBodies, publishPacts, type PublicationBody, type PublicationResult, type PublishRequest } from './publish.js';
export { ciBranch, ciBuildUrl, commitSha, currentBranch, runGit, type GitRunner } from './git.js';
export { answerOf, canIDeploy, matrixUrl, type CanIDeployAnswer, type CanIDeployQuery, type MatrixRow, type RetryPolicy } from './can-i-deploy.js';
export { recordDeployment, type DeploymentRecord, type DeploymentRequest } from './record-deployment.js';
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
