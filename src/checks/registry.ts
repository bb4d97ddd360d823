/** The one table of checks, in the order reports list them (ids.ts names them), and selection by id (`--checks a,b`). */
export { CHECK_IDS } from './ids.js';
import { CHECK_IDS, selectCheckIds } from './ids.js';
import { accessDenied } from './access-denied.js';
import { addressedResource } from './addressed-resource.js';
import { authRequired } from './auth-required.js';
import { contentType } from './content-type.js';
import { errorCodeDocumented } from './error-code-documented.js';
import { idempotent } from './idempotent.js';
import { invalidInputRejected } from './invalid-input-rejected.js';
import { notAServerError } from './not-a-server-error.js';
import { notFoundCodes } from './not-found-codes.js';
import { optionalHeadersHarmless } from './optional-headers-harmless.js';
import { rateLimitShape } from './rate-limit-shape.js';
import { recordUnchanged } from './record-unchanged.js';
import { responseSchema } from './response-schema.js';
import { stateTeardown } from './state-teardown.js';
import { statusDocumented } from './status-documented.js';
import { updateApplied } from './update-applied.js';
import { validInputAccepted } from './valid-input-accepted.js';
import type { Check } from './check.js';

/** Every check: transport and shape first, then input handling, then data semantics, then multi-exchange ones. */
export const CHECKS: readonly Check[] = Object.freeze([
  notAServerError,
  statusDocumented,
  contentType,
  responseSchema,
  errorCodeDocumented,
  authRequired,
  invalidInputRejected,
  validInputAccepted,
  updateApplied,
  addressedResource,
  recordUnchanged,
  notFoundCodes,
  accessDenied,
  rateLimitShape,
  idempotent,
  optionalHeadersHarmless,
  stateTeardown,
]);

// ids.ts lists the ids apart (for --help without the checks): a table that differs from it is a defect, said at load.
if (CHECKS.map((check) => check.id).join() !== CHECK_IDS.join()) throw new Error(`checks/ids.ts and the check table disagree: ${CHECKS.map((check) => check.id).join()}`);

/**
 * The checks named in `ids` (table order, duplicates ignored), or all of them when `ids` is undefined or empty.
 * Accepts a comma-separated string as `--checks` gives it. Unknown ids → ConfigurationError listing the valid ones.
 */
export function selectChecks(ids?: string | readonly string[]): readonly Check[] {
  const wanted = selectCheckIds(ids);
  return wanted.length === CHECKS.length ? CHECKS : CHECKS.filter((check) => wanted.includes(check.id));
}

/** One check by id, or undefined. */
export const checkById = (id: string): Check | undefined => CHECKS.find((check) => check.id === id);
