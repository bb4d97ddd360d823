import type fc from 'fast-check';
import type { Part } from '../../../validators/index.js';
import type { BreakTag, InvalidKind, Tagged } from '../../types.js';

/** A named way to break one constraint: its kind (for listing and filtering) and values tagged with what they break. */
export interface Mutator<T> {
  readonly kind: InvalidKind;
  readonly arbitrary: fc.Arbitrary<Tagged<T>>;
}

/** The kind for a tag, with an optional variant when several mutators break the same constraint differently. */
export function kindOf(part: Part, pointer: string | undefined, keyword: string, variant?: string): InvalidKind {
  return { id: `${part}${pointer ?? '/*'}:${keyword}${variant ? `#${variant}` : ''}`, part, pointer, keyword };
}

/** A mutator whose values all break the same fixed tag. */
export function fixedMutator<T>(tag: BreakTag, values: fc.Arbitrary<T>, variant?: string): Mutator<T> {
  return { kind: kindOf(tag.part, tag.pointer, tag.keyword, variant), arbitrary: values.map((value) => ({ value, breaks: tag })) };
}

/** Applies `wrap` to the values of a mutator, keeping its kind and tags. */
export function mapMutator<T, U>(mutator: Mutator<T>, wrap: (value: T) => U): Mutator<U> {
  return { kind: mutator.kind, arbitrary: mutator.arbitrary.map(({ value, breaks }) => ({ value: wrap(value), breaks })) };
}
