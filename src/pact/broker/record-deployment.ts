/**
 * record-deployment: tells the broker that a pacticipant version is now deployed to an environment (replacing
 * the version deployed there before), so can-i-deploy and `deployedOrReleased` selectors see it.
 * Index `pb:environments` → find the environment by name → index `pb:pacticipant-version` → that version's
 * `pb:record-deployment` link named after the environment
 * (`POST /pacticipants/{p}/versions/{v}/deployed-versions/environment/{uuid}`).
 * https://github.com/pact-foundation/pact_broker/blob/master/lib/pact_broker/doc/views/index/environments.markdown
 * https://docs.pact.io/pact_broker/recording_deployments_and_releases
 */
import { ConfigurationError } from '../../errors.js';
import type { BrokerClient } from './client.js';
import { BrokerError } from './errors.js';
import { linksOf } from './hal.js';

/** Which version went where; `applicationInstance` tells apart several deployments in one environment. */
export interface DeploymentRequest {
  readonly pacticipant: string;
  readonly version: string;
  readonly environment: string;
  readonly applicationInstance?: string;
}

/** What the broker recorded. */
export interface DeploymentRecord {
  readonly environment: { readonly name: string; readonly uuid: string; readonly production: boolean };
  readonly currentlyDeployed: boolean;
  /** The deployed-version resource the broker created, when it says. */
  readonly url?: string;
}

interface Environment {
  readonly uuid: string;
  readonly name: string;
  readonly production: boolean;
}

function environmentsOf(body: unknown): Environment[] {
  const embedded = (body as { _embedded?: { environments?: unknown } } | undefined)?._embedded?.environments;
  if (!Array.isArray(embedded)) return [];
  return embedded.flatMap((entry: unknown) => {
    const e = entry as Partial<Record<string, unknown>>;
    return typeof e['uuid'] === 'string' && typeof e['name'] === 'string' ? [{ uuid: e['uuid'], name: e['name'], production: e['production'] === true }] : [];
  });
}

async function findEnvironment(client: BrokerClient, name: string): Promise<Environment> {
  const url = await client.indexLink('pb:environments', {}, 'environments and deployments (broker v2.81 or later)');
  const environments = environmentsOf(await client.get(url));
  const found = environments.find((e) => e.name === name);
  if (found === undefined) {
    const known = environments.map((e) => e.name).join(', ') || 'none';
    throw new ConfigurationError(`the broker has no environment named ${JSON.stringify(name)}; it has: ${known} (create it with POST /environments or the broker UI)`);
  }
  return found;
}

async function versionResource(client: BrokerClient, request: DeploymentRequest): Promise<unknown> {
  const url = await client.indexLink('pb:pacticipant-version', { pacticipant: request.pacticipant, version: request.version }, 'pacticipant versions');
  try {
    return await client.get(url);
  } catch (error) {
    if (error instanceof BrokerError && error.status === 404) {
      throw new ConfigurationError(`the broker does not know ${request.pacticipant} version ${request.version}: publish its pacts or verification results first`, { cause: error });
    }
    throw error;
  }
}

/** Records the deployment; an unknown environment or version is a ConfigurationError, a refusal a BrokerError. */
export async function recordDeployment(client: BrokerClient, request: DeploymentRequest): Promise<DeploymentRecord> {
  for (const [flag, value] of [['--pacticipant', request.pacticipant], ['--version', request.version], ['--environment', request.environment]] as const) {
    if (value.trim() === '') throw new ConfigurationError(`${flag} must not be empty`);
  }
  const environment = await findEnvironment(client, request.environment);
  const version = await versionResource(client, request);
  const link = linksOf(version, 'pb:record-deployment').find((l) => l.name === environment.name);
  if (link === undefined) {
    throw new BrokerError(`the broker offers no way to record a deployment of ${request.pacticipant} version ${request.version} to ${environment.name}`, 0, client.config.baseUrl);
  }
  const body = request.applicationInstance !== undefined ? { applicationInstance: request.applicationInstance } : {};
  const answer = (await client.post(client.resolve(link), body)) as { currentlyDeployed?: unknown } | undefined;
  const url = linksOf(answer, 'self')[0]?.href;
  return { environment, currentlyDeployed: answer?.currentlyDeployed !== false, ...(url !== undefined ? { url } : {}) };
}
