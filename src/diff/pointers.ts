import { originOf } from '../contract/dereference.js';
import { childPointer } from '../contract/json.js';
import type { OasSchema } from '../contract/types.js';

/** Where a dereferenced node was written in its document. */
export const origin = (node: OasSchema): string => originOf(node) ?? '';

/** The pointer of a keyword of a node, or of the node when it does not have the keyword. */
export const keywordPointer = (node: OasSchema, keyword: string): string => (keyword in node ? childPointer(origin(node), keyword) : origin(node));
