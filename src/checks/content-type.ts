/** content_type: a documented status comes with its documented media type. */
import { mediaEssence } from '../http/media-type.js';
import { finding, headerOf, notApplicable } from './finding.js';
import type { Check } from './check.js';

const ID = 'content_type';

/** Flags a missing or different Content-Type on a documented response (parameters such as charset are ignored). */
export const contentType: Check = {
  id: ID,
  description: 'a Content-Type other than the documented media type for that status (or none)',
  documents: '`responses.<status>.content`: each documented response names its media type (application/json)',
  applies: () => true,
  needsResponse: true,
  run(context, exchange) {
    const { response } = exchange;
    const media = context.facts.mediaType(response.status);
    if (media === undefined) return notApplicable(`status ${response.status} documents no body`);
    const actual = headerOf(response, 'content-type');
    if (actual !== undefined && mediaEssence(actual) === mediaEssence(media)) return [];
    const message = actual === undefined ? `status ${response.status} has no Content-Type` : `status ${response.status} has Content-Type ${actual}`;
    return [finding(ID, exchange, { message, expected: media, actual: actual ?? '(no Content-Type header)' })];
  },
};
