/**
 * Publishes pacts with the broker's publication API: `POST` to the index's `pb:publish-contracts` link, one
 * request per consumer version carrying the branch, tags, build URL and every pact of that consumer, base64.
 * https://github.com/pact-foundation/pact_broker/blob/master/lib/pact_broker/doc/views/index/publish-contracts.markdown
 *
 * Why our own HTTP call and not the official CLI: the Pact CLI (`pact-broker publish`) ships as a Ruby standalone
 * or a native binary downloaded at install time, which this project cannot fetch or run everywhere; the endpoint
 * is the one those CLIs call themselves, documented by the broker, so a fetch is the smallest honest client.
 */
import { ConfigurationError } from '../../errors.js';
import type { BrokerClient } from './client.js';
import { BrokerError } from './errors.js';
import { linksOf } from './hal.js';
import { noticesOf, type BrokerNotice } from './notices.js';
import type { PactFile } from './pact-files.js';

/** What to publish and as which consumer version. */
export interface PublishRequest {
  readonly pacts: readonly PactFile[];
  readonly consumerVersion: string;
  readonly branch?: string;
  readonly tags?: readonly string[];
  readonly buildUrl?: string;
}

/** The documented request body of `POST /contracts/publish`. */
export interface PublicationBody {
  readonly pacticipantName: string;
  readonly pacticipantVersionNumber: string;
  readonly branch?: string;
  readonly tags?: readonly string[];
  readonly buildUrl?: string;
  readonly contracts: readonly {
    readonly consumerName: string;
    readonly providerName: string;
    readonly specification: 'pact';
    readonly contentType: 'application/json';
    readonly content: string;
  }[];
}

/** What the broker said about one consumer's publication, and where the published resources live. */
export interface PublicationResult {
  readonly consumer: string;
  readonly version: string;
  readonly files: readonly string[];
  readonly notices: readonly BrokerNotice[];
  readonly versionUrl?: string;
  readonly contractUrls: readonly string[];
}

function checkRequest(request: PublishRequest): void {
  if (request.consumerVersion.trim() === '') throw new ConfigurationError('the consumer version must not be empty');
  if (request.pacts.length === 0) throw new ConfigurationError('no pacts to publish');
  if ((request.tags ?? []).some((tag) => tag.trim() === '')) throw new ConfigurationError('a --tag must not be empty');
  const seen = new Map<string, string>();
  for (const pact of request.pacts) {
    const pair = `${pact.consumer} -> ${pact.provider}`;
    const other = seen.get(pair);
    if (other !== undefined) throw new ConfigurationError(`two pact files for ${pair}: ${other} and ${pact.path}; publish one of them`);
    seen.set(pair, pact.path);
  }
}

/** The request bodies, one per consumer (a publication names one pacticipant version), in consumer order. */
export function publicationBodies(request: PublishRequest): PublicationBody[] {
  checkRequest(request);
  const consumers = [...new Set(request.pacts.map((pact) => pact.consumer))].sort();
  return consumers.map((consumer) => ({
    pacticipantName: consumer,
    pacticipantVersionNumber: request.consumerVersion,
    ...(request.branch !== undefined ? { branch: request.branch } : {}),
    ...(request.tags !== undefined && request.tags.length > 0 ? { tags: [...request.tags] } : {}),
    ...(request.buildUrl !== undefined ? { buildUrl: request.buildUrl } : {}),
    contracts: request.pacts
      .filter((pact) => pact.consumer === consumer)
      .map((pact) => ({
        consumerName: pact.consumer,
        providerName: pact.provider,
        specification: 'pact' as const,
        contentType: 'application/json' as const,
        content: pact.content.toString('base64'),
      })),
  }));
}

/** Publishes every pact, one request per consumer; a refusal names what was already published before it. */
export async function publishPacts(client: BrokerClient, request: PublishRequest): Promise<PublicationResult[]> {
  const bodies = publicationBodies(request);
  const url = await client.indexLink('pb:publish-contracts', {}, 'contract publication');
  const results: PublicationResult[] = [];
  for (const body of bodies) {
    let answer: unknown;
    try {
      answer = await client.post(url, body);
    } catch (error) {
      if (!(error instanceof BrokerError) || results.length === 0) throw error;
      const done = results.map((r) => r.consumer).join(', ');
      throw new BrokerError(`${error.message} (already published: ${done})`, error.status, error.url, error.notices, { cause: error });
    }
    const files = request.pacts.filter((pact) => pact.consumer === body.pacticipantName).map((pact) => pact.path);
    const versionUrl = linksOf(answer, 'pb:pacticipant-version')[0]?.href;
    results.push({
      consumer: body.pacticipantName,
      version: body.pacticipantVersionNumber,
      files,
      notices: noticesOf(answer).map((n) => ({ type: n.type, text: client.redact(n.text) })),
      ...(versionUrl !== undefined ? { versionUrl } : {}),
      contractUrls: linksOf(answer, 'pb:contracts').map((link) => link.href),
    });
  }
  return results;
}
