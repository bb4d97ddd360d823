/** Flag parsing shared by the commands: one wording for every "bad number" error. */
import { ConfigurationError } from '../errors.js';

/** An integer flag within [min, max], or a ConfigurationError naming the flag and the range. */
export function parseInteger(value: string, flag: string, min: number, max: number): number {
  const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) throw new ConfigurationError(`${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return parsed;
}
