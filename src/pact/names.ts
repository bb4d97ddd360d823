/** Who the pacts are between and where they live. */
import { fileURLToPath } from 'node:url';

/** The consumer: this project's typed client (src/client). */
export const CONSUMER = 'stigg-contract-client';

/** The provider: the Stigg API, as verified by `stigg-contract verify`. */
export const PROVIDER = 'stigg-api';

/** The committed pacts directory (`pacts/` at the project root). */
export const PACT_DIR = fileURLToPath(new URL('../../pacts/', import.meta.url));

/** The file name pact-js gives the pact between two parties. */
export const pactFileName = (consumer: string = CONSUMER, provider: string = PROVIDER): string => `${consumer}-${provider}.json`;
