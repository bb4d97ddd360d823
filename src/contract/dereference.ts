import { ContractLoadError } from '../errors.js';
import { atPointer, childPointer } from './json.js';
import type { OasSchema } from './types.js';

/** A document with local `$ref`s inlined, and for every object in it the JSON pointer it came from. */
export interface Dereferenced {
  readonly root: OasSchema;
}

// Every inlined object is fresh, so one registry serves every document loaded in the process.
const origins = new WeakMap<object, string>();

/** The JSON pointer in its document where a dereferenced object was written. */
export function originOf(node: object): string | undefined {
  return origins.get(node);
}

/**
 * Inlines local `$ref`s (`#/...`), remembering where each inlined object was written, so lint and error messages can
 * point into the document. Swagger-parser checks the refs resolve; recursive schemas are refused because the
 * validators and generators here work on finite trees.
 */
export function dereference(document: OasSchema): Dereferenced {
  const visit = (node: unknown, pointer: string, trail: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item, index) => visit(item, childPointer(pointer, index), trail));
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string') {
      if (!ref.startsWith('#')) throw new ContractLoadError(`only local $refs are supported: ${ref} at ${pointer}`);
      const target = decodeURIComponent(ref.slice(1));
      if (trail.includes(target)) throw new ContractLoadError(`recursive $ref is not supported: ${ref} at ${pointer}`);
      const resolved = atPointer(document, target);
      if (resolved === undefined) throw new ContractLoadError(`unresolvable $ref ${ref} at ${pointer}`);
      return visit(resolved, target, [...trail, target]);
    }
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) copy[key] = visit(value, childPointer(pointer, key), trail);
    origins.set(copy, pointer);
    return copy;
  };
  return { root: visit(document, '', []) as OasSchema };
}
