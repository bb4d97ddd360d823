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
 * Inlines the local `$ref`s (`#/...`) under one node of a document, remembering where each inlined object was written,
 * so lint and error messages can point into the document. Recursive schemas are refused (a ContractLoadError naming
 * the ref) because the validators and generators here work on finite trees; callers inline one operation at a time,
 * so a recursive schema elsewhere in the document costs only the operations that use it.
 */
export function inlineRefs(document: OasSchema, node: unknown, pointer: string): unknown {
  const visit = (value: unknown, at: string, trail: readonly string[]): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => visit(item, childPointer(at, index), trail));
    if (value === null || typeof value !== 'object') return value;
    const ref = (value as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string') {
      if (!ref.startsWith('#')) throw new ContractLoadError(`only local $refs are supported: ${ref} at ${at}`);
      const target = decodeURIComponent(ref.slice(1));
      if (trail.includes(target)) throw new ContractLoadError(`recursive $ref is not supported: ${ref} at ${at}`);
      const resolved = atPointer(document, target);
      if (resolved === undefined) throw new ContractLoadError(`unresolvable $ref ${ref} at ${at}`);
      return visit(resolved, target, [...trail, target]);
    }
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) copy[key] = visit(child, childPointer(at, key), trail);
    origins.set(copy, at);
    return copy;
  };
  return visit(node, pointer, []);
}

/** The whole document with its `$ref`s inlined (throws on the first recursive or dangling one). */
export function dereference(document: OasSchema): Dereferenced {
  return { root: inlineRefs(document, document, '') as OasSchema };
}
