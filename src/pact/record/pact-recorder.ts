/**
 * `--record-pact`: a Pact V4 file from the valid exchanges of a client's run, without the Pact DSL. Each distinct
 * behaviour becomes one interaction (behaviour.ts), built as the catalogue's are (matchers derived from the schemas,
 * the key a fake matched by type) and recorded through pact-js' own mock server, so the file is what pact-js writes;
 * then it is named for the consumer, nullable fields admit null, and it is normalised and written atomically.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'undici';
import type { OperationContract } from '../../validators/index.js';
import { FAKE_API_KEY } from '../catalogue.js';
import { recordInteraction } from '../consumer.js';
import { interactionSpec, type InteractionSpec } from '../interaction.js';
import { CONSUMER, PROVIDER, pactFileName } from '../names.js';
import { admitNullables } from '../nullable-rules.js';
import { loadPact, serialisePact, writeFileAtomic } from '../pact-file.js';
import { behaviourOf, type RecordedExchange } from './behaviour.js';
import { apiKeyHeaderOf } from '../../contract/operation.js';
import { headerKey } from '../../http/headers.js';

/** What was written, and what could not be recorded (with how many exchanges each reason covers). */
export interface RecordedPact {
  readonly file: string;
  readonly interactions: readonly string[];
  readonly skipped: readonly { readonly reason: string; readonly count: number }[];
}

/** Sends the interaction's request, as the client sent it, to the Pact mock server (the path exactly as given). */
async function replay(spec: InteractionSpec, exchange: RecordedExchange, contract: OperationContract, baseUrl: string): Promise<void> {
  const keyHeader = apiKeyHeaderOf(contract.operation);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(keyHeader ? { [keyHeader]: FAKE_API_KEY } : {}) };
  for (const name of Object.keys(spec.request.headers)) {
    const sent = exchange.headers[headerKey(name)];
    if (sent !== undefined && headerKey(name) !== (keyHeader && headerKey(keyHeader)) && headerKey(name) !== 'content-type') headers[name] = sent;
  }
  // A client of its own: each interaction has a new mock server, and a pooled keep-alive socket to an earlier one on
  // a port reused since would carry the request to nobody.
  const client = new Client(baseUrl);
  try {
    const answer = await client.request({ path: spec.request.path, method: 'PATCH', headers, body: JSON.stringify(exchange.body) });
    await answer.body.text();
  } finally {
    await client.close();
  }
}

/** Collects a run's valid exchanges, one per behaviour (the first), and writes them as a pact. */
export class PactRecorder {
  readonly #chosen = new Map<string, { exchange: RecordedExchange; spec: InteractionSpec }>();
  readonly #skipped = new Map<string, number>();

  constructor(private readonly contract: OperationContract) {}

  /** Adds one valid exchange. */
  add(exchange: RecordedExchange): void {
    const behaviour = behaviourOf(exchange, this.contract);
    if ('skip' in behaviour) this.#skipped.set(behaviour.skip, (this.#skipped.get(behaviour.skip) ?? 0) + 1);
    else if (!this.#chosen.has(behaviour.key)) this.#chosen.set(behaviour.key, { exchange, spec: interactionSpec(behaviour.entry, this.contract) });
  }

  /** Records every behaviour through pact-js and writes `<consumer>-<provider>.json` into `dir` (nothing when none). */
  async write(dir: string, consumer: string): Promise<RecordedPact> {
    const file = join(dir, pactFileName(consumer, PROVIDER));
    const scratch = await mkdtemp(join(tmpdir(), 'stigg-record-'));
    try {
      for (const { exchange, spec } of this.#chosen.values()) await recordInteraction(spec, scratch, (url) => replay(spec, exchange, this.contract, url));
      if (this.#chosen.size > 0) {
        const loaded = await loadPact(join(scratch, pactFileName(CONSUMER, PROVIDER)));
        if (!loaded.ok) throw new Error(`pact-js wrote an unusable pact: ${loaded.reason}`);
        await writeFileAtomic(file, serialisePact(admitNullables({ ...loaded.pact, consumer: { name: consumer } }, this.contract)));
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return { file, interactions: [...this.#chosen.keys()], skipped: [...this.#skipped].map(([reason, count]) => ({ reason, count })) };
  }
}
