/** The typed client for PATCH /api/v1/customers/{id}/integrations/{integrationId}: the consumer of the Pact tests. */
import { getGlobalDispatcher } from 'undici';
import { buildPath } from '../contract/path.js';
import { decodeContent } from '../http/content-coding.js';
import { fieldValue } from '../http/headers.js';
import { StiggTransportError } from './errors/index.js';
import { OPERATION } from './operation.js';
import { resolveOptions, type ClientOptions, type ResolvedOptions } from './options.js';
import { scrubber } from '../secrets.js';
import { interpretResponse, type RawResponse } from './response.js';
import type { CustomerIntegration, UpdateIntegrationBody } from './types.js';

/** The most a compressed answer may decode to (gzip, deflate and br are read as fetch reads them): a bomb is refused. */
const MAX_DECODED_BYTES = 32 * 2 ** 20;

function segmentArgument(name: string, value: unknown): string {
  // Why: an empty segment (`/customers//integrations`) addresses another URL, not this operation with "".
  if (typeof value !== 'string' || value === '') throw new TypeError(`${name} must be a non-empty string`);
  return value;
}

/** Calls the Stigg customer-integrations endpoint; every outcome but a 200 is a typed error. */
export class StiggIntegrationsClient {
  // A private field: util.inspect and JSON.stringify of the client never show the key.
  readonly #options: ResolvedOptions;

  constructor(options: ClientOptions) {
    this.#options = resolveOptions(options);
  }

  /** Links the integration to another external entity (or unlinks it with `syncedEntityId: null`). */
  async updateIntegration(customerId: string, integrationId: string, body: UpdateIntegrationBody): Promise<CustomerIntegration> {
    const path = buildPath(OPERATION.pathTemplate, { id: segmentArgument('customerId', customerId), integrationId: segmentArgument('integrationId', integrationId) });
    const label = `${OPERATION.method} ${path}`;
    const redact = scrubber([this.#options.apiKey ?? '']);
    const raw = await this.#send(path, JSON.stringify(body), label, redact);
    return interpretResponse(raw, { request: label, redact, contract: this.#options.contract });
  }

  #headers(): Record<string, string> {
    const { apiKey, accountId, environmentId } = this.#options;
    return {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(apiKey === undefined ? {} : { [OPERATION.apiKeyHeader]: apiKey }),
      ...(accountId === undefined ? {} : { [OPERATION.accountHeader]: accountId }),
      ...(environmentId === undefined ? {} : { [OPERATION.environmentHeader]: environmentId }),
    };
  }

  async #send(path: string, body: string, label: string, redact: (text: string) => string): Promise<RawResponse> {
    const { origin, pathname } = this.#options.baseUrl;
    const signal = AbortSignal.timeout(this.#options.timeoutMs);
    try {
      // Why the dispatcher and not `request(url)`: a URL parser would resolve `%2E%2E` (an integration id "..") as a
      // dot segment and send another path; the dispatcher sends the path exactly as built.
      const response = await (this.#options.dispatcher ?? getGlobalDispatcher()).request({
        origin, path: `${pathname.replace(/\/+$/, '')}${path}`, method: OPERATION.method, headers: this.#headers(), body, signal,
      });
      const bytes = Buffer.from(await response.body.arrayBuffer());
      const coding = response.headers['content-encoding'];
      const decoded = await decodeContent(bytes, coding === undefined ? undefined : fieldValue(coding), MAX_DECODED_BYTES);
      if (!decoded.ok) throw new StiggTransportError(redact(`${label}: ${decoded.message}`), false);
      return { status: response.statusCode, headers: response.headers, text: decoded.bytes.toString('utf8') };
    } catch (error) {
      if (error instanceof StiggTransportError) throw error;
      if (signal.aborted) throw new StiggTransportError(`${label}: no response within ${this.#options.timeoutMs} ms`, true);
      const reason = error instanceof Error ? error.message : String(error);
      throw new StiggTransportError(redact(`${label}: ${reason}`), false, { cause: error });
    }
  }
}
