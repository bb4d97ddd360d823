/** Phase 1: the pacts (a directory of files, or a broker) verified by Pact's own Verifier, one outcome per interaction. */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RunListener } from '../../events/index.js';
import { ConfigurationError } from '../../errors.js';
import { loadPact } from '../../pact/pact-file.js';
import { verifyPacts, type BrokerSource } from '../../pact/verifier.js';

export interface PactPhaseOptions {
  readonly providerBaseUrl: string;
  readonly stateUrl?: string;
  readonly apiKey: string;
  readonly keyHeader: string;
  readonly pactsDir?: string;
  readonly broker?: BrokerSource;
  readonly timeoutMs: number;
}

/** What phase 1 did: verified (passed or not), or skipped with the reason. */
export type PactPhase = { readonly ran: true; readonly passed: boolean; readonly notices: readonly string[] } | { readonly ran: false; readonly reason: string };

/** The pact files of a directory, each checked to be a pact first: a file that is not ends the run (exit 2), named. */
async function pactFiles(dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort().map((name) => resolve(join(dir, name)));
  } catch (error) {
    throw new ConfigurationError(`cannot read the pacts directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  for (const file of files) {
    const loaded = await loadPact(file);
    if (!loaded.ok) throw new ConfigurationError(`pact file ${file} cannot be verified: ${loaded.reason}`);
  }
  return files;
}

/** Verifies the pacts; without a state URL, stateful interactions cannot be set up, so the phase is skipped. */
export async function runPactPhase(options: PactPhaseOptions, listener: RunListener): Promise<PactPhase> {
  if (!options.stateUrl && !options.broker) return { ran: false, reason: 'no --state-url: pact interactions need provider states' };
  const pactUrls = options.broker ? undefined : await pactFiles(options.pactsDir ?? 'pacts');
  if (pactUrls && pactUrls.length === 0) return { ran: false, reason: `no pact files in ${options.pactsDir ?? 'pacts'}` };
  const result = await verifyPacts({
    providerBaseUrl: options.providerBaseUrl,
    keyHeader: options.keyHeader,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs,
    ...(options.stateUrl ? { stateUrl: options.stateUrl } : {}),
    ...(pactUrls ? { pactUrls } : {}),
    ...(options.broker ? { broker: options.broker } : {}),
  });
  for (const interaction of result.interactions) {
    listener.onPact?.({ description: interaction.description, passed: interaction.passed || interaction.pending, ...(interaction.message ? { message: `${interaction.pending ? '(pending) ' : ''}${interaction.message}` } : {}) });
  }
  return { ran: true, passed: result.passed, notices: result.notices };
}
