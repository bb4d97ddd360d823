import { isJsonObject } from './json.js';
import { jsonMedia } from './media.js';
import type { OasSchema, RequestBodyModel, ResponseHeaderModel, ResponseModel } from './types.js';

type Where = (node: object) => string;

/** The request body's JSON media type and schema, or undefined when the operation takes none. */
export function requestBodyOf(operation: Record<string, unknown>, where: Where): RequestBodyModel | undefined {
  const body = operation['requestBody'];
  if (!isJsonObject(body)) return undefined;
  const media = jsonMedia(body['content'], `the request body (${where(body)})`);
  if (media === undefined) return undefined;
  return { required: body['required'] === true, contentType: media.contentType, schema: media.schema, pointer: where(media.schema) };
}

function headersOf(node: Record<string, unknown>, where: Where): ResponseHeaderModel[] {
  const headers = isJsonObject(node['headers']) ? node['headers'] : {};
  return Object.entries(headers).flatMap(([name, header]) => {
    if (!isJsonObject(header)) return [];
    const schema = isJsonObject(header['schema']) ? (header['schema'] as OasSchema) : {};
    return [{ name, required: header['required'] === true, schema, pointer: where(schema) }];
  });
}

/** Every documented status (ranges like `2XX` and `default` are not statuses a check can hold a provider to). */
export function responsesOf(operation: Record<string, unknown>, where: Where): ResponseModel[] {
  const all = isJsonObject(operation['responses']) ? operation['responses'] : {};
  return Object.entries(all)
    .filter(([status]) => /^[1-5]\d\d$/.test(status))
    .map(([status, response]) => {
      const node = isJsonObject(response) ? response : {};
      const media = jsonMedia(node['content'], `response ${status} (${where(node)})`);
      return {
        status: Number(status),
        description: typeof node['description'] === 'string' ? node['description'] : '',
        ...(media ? { body: { ...media, pointer: where(media.schema) } } : {}),
        headers: headersOf(node, where),
      };
    })
    .sort((a, b) => a.status - b.status);
}
