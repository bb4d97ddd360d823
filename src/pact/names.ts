/** Who the pacts are between and where they live. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The consumer: this project's typed client (src/client). */
export const CONSUMER = 'stigg-contract-client';

/** The provider: the Stigg API, as verified by `stigg-contract verify`. */
export const PROVIDER = 'stigg-api';

/** The committed pacts directory (`pacts/` at the project root). */
export const PACT_DIR = fileURLToPath(new URL('../../pacts/', import.meta.url));

/** The file name pact-js gives the pact between two parties. */
export const pactFileName = (consumer: string = CONSUMER, provider: string = PROVIDER): string => `${consumer}-${provider}.json`;

/**
 * The pacts to verify when none are named: `pacts/` of the working directory when there is one, else the pacts
 * shipped with the package (a zero-config `verify` in a fresh project), flagged so the caller can say so.
 */
export function defaultPactsDir(cwd: string = process.cwd()): { readonly dir: string; readonly shipped: boolean } {
  const local = join(cwd, 'pacts');
  return existsSync(local) ? { dir: 'pacts', shipped: false } : { dir: PACT_DIR, shipped: true };
}
