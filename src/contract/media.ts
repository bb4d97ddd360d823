import { ContractLoadError } from '../errors.js';
import { isJsonMediaType } from '../http/media-type.js';
import { isJsonObject } from './json.js';
import type { OasSchema } from './types.js';

/**
 * The JSON media type of a `content` map and its schema (the harness speaks JSON): undefined when the map is absent
 * or empty; a ContractLoadError naming `where` when it offers only other media types.
 */
export function jsonMedia(content: unknown, where: string): { contentType: string; schema: OasSchema } | undefined {
  if (!isJsonObject(content)) return undefined;
  const types = Object.keys(content);
  const contentType = types.find(isJsonMediaType);
  if (contentType === undefined) {
    if (types.length === 0) return undefined;
    throw new ContractLoadError(`${where} is ${types.join(', ')} only (the harness speaks JSON)`);
  }
  const media = content[contentType];
  const schema = isJsonObject(media) && isJsonObject(media['schema']) ? (media['schema'] as OasSchema) : {};
  return { contentType, schema };
}
