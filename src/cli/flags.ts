/** Flag parsing and wording shared by the commands: one wording for every "bad number" error, one for --operation. */
import { DEFAULT_OPERATION } from '../contract/select.js';
import { ConfigurationError } from '../errors.js';

/** An integer flag within [min, max], or a ConfigurationError naming the flag and the range. */
export function parseInteger(value: string, flag: string, min: number, max: number): number {
  const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) throw new ConfigurationError(`${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return parsed;
}

/** The help of every `--operation` flag: one wording, with the default every zero-config entry point uses. */
export const OPERATION_HELP = `operationId or "METHOD /path" (default: ${DEFAULT_OPERATION}, else the document's only operation)`;
