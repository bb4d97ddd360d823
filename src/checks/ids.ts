/**
 * The check ids, in table order, and selection by id (`--checks a,b`), apart from the checks themselves: verify's
 * `--help` and its options are resolved without loading Ajv and every check. registry.ts builds its table in this
 * order and refuses, as it loads, a table whose ids differ.
 */
import { ConfigurationError } from '../errors.js';

/** Every check id, in table order. */
export const CHECK_IDS: readonly string[] = [
  'not_a_server_error', 'status_documented', 'content_type', 'response_schema', 'error_code_documented', 'auth_required',
  'invalid_input_rejected', 'valid_input_accepted', 'update_applied', 'addressed_resource', 'record_unchanged',
  'not_found_codes', 'access_denied', 'rate_limit_shape', 'idempotent', 'optional_headers_harmless', 'state_teardown',
];

/**
 * The ids named in `ids` (table order, duplicates ignored), or all of them when `ids` is undefined or empty. Accepts
 * a comma-separated string as `--checks` gives it. Unknown ids → ConfigurationError listing the valid ones.
 */
export function selectCheckIds(ids?: string | readonly string[]): readonly string[] {
  const wanted = (typeof ids === 'string' ? ids.split(',') : (ids ?? [])).map((id) => id.trim()).filter(Boolean);
  if (wanted.length === 0) return CHECK_IDS;
  const unknown = wanted.filter((id) => !CHECK_IDS.includes(id));
  if (unknown.length > 0) throw new ConfigurationError(`unknown check${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; valid ids: ${CHECK_IDS.join(', ')}`);
  return CHECK_IDS.filter((id) => wanted.includes(id));
}
