/** The request side of an operation compared: parameters of every location, and the request body. */
import { childPointer } from '../contract/json.js';
import type { OperationModel, ParameterModel } from '../contract/types.js';
import { emit, type DiffContext, type Sides } from './emit.js';
import { diffSchema } from './walk.js';

const all = (op: OperationModel): ParameterModel[] => [...op.pathParams, ...op.queryParams, ...op.headerParams, ...op.cookieParams];

// Header names compare case-insensitively, as HTTP does; other locations are case-sensitive.
const keyOf = (p: ParameterModel): string => `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
const labelOf = (p: ParameterModel): string => (p.in === 'header' ? `header ${p.name}` : `${p.in} parameter ${p.name}`);

/** Compares the parameters of two versions of an operation (the context's direction is `request`). */
export function diffParameters(context: DiffContext, ops: Sides<OperationModel>): void {
  const before = new Map(all(ops.old).map((p) => [keyOf(p), p]));
  const after = new Map(all(ops.new).map((p) => [keyOf(p), p]));
  const listPointer = (op: OperationModel): string => childPointer(op.pointer, 'parameters');
  for (const [key, p] of after) {
    if (before.has(key)) continue;
    emit(context, { rule: p.required ? 'required-parameter-added' : 'optional-parameter-added', place: { part: labelOf(p), path: '' }, message: `added (${p.required ? 'required' : 'optional'})`, pointers: { old: listPointer(ops.old), new: p.pointer } });
  }
  for (const [key, old] of before) {
    const next = after.get(key);
    const place = { part: labelOf(old), path: '' };
    if (next === undefined) {
      emit(context, { rule: 'parameter-removed', place, message: 'removed', pointers: { old: old.pointer, new: listPointer(ops.new) } });
      continue;
    }
    if (old.required !== next.required) {
      emit(context, { rule: next.required ? 'parameter-became-required' : 'parameter-became-optional', place, message: next.required ? 'required now' : 'optional now', pointers: { old: old.pointer, new: next.pointer } });
    }
    diffSchema(context, old.schema, next.schema, place);
  }
}

/** Compares the request bodies of two versions of an operation. */
export function diffRequestBody(context: DiffContext, ops: Sides<OperationModel>): void {
  const old = ops.old.requestBody;
  const next = ops.new.requestBody;
  const place = { part: 'request body', path: '' };
  const bodyPointer = (op: OperationModel): string => childPointer(op.pointer, 'requestBody');
  const pointers = { old: old?.pointer ?? ops.old.pointer, new: next?.pointer ?? ops.new.pointer };
  if (old === undefined && next === undefined) return;
  if (old === undefined || next === undefined) {
    const rule = next === undefined ? 'request-body-removed' : next.required ? 'required-request-body-added' : 'optional-request-body-added';
    emit(context, { rule, place, message: next === undefined ? 'request body removed' : `request body added (${next.contentType})`, pointers });
    return;
  }
  if (old.required !== next.required) {
    emit(context, { rule: next.required ? 'request-body-became-required' : 'request-body-became-optional', place, message: next.required ? 'required now' : 'optional now', pointers: { old: bodyPointer(ops.old), new: bodyPointer(ops.new) } });
  }
  if (old.contentType !== next.contentType) {
    emit(context, { rule: 'request-media-type-changed', place, message: `media type ${old.contentType} → ${next.contentType}`, pointers: { old: bodyPointer(ops.old), new: bodyPointer(ops.new) } });
  }
  diffSchema(context, old.schema, next.schema, place);
}
