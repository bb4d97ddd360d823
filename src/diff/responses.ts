/** The response side of an operation compared: statuses, bodies and their media types, headers. */
import { childPointer } from '../contract/json.js';
import type { OperationModel, ResponseModel } from '../contract/types.js';
import { emit, type DiffContext, type Sides } from './emit.js';
import { diffSchema } from './walk.js';

const responsePointer = (op: OperationModel, status: number): string => childPointer(childPointer(op.pointer, 'responses'), String(status));
const isSuccess = (status: number): boolean => status < 400;

function diffHeaders(context: DiffContext, status: number, responses: Sides<ResponseModel>, pointers: Sides<string>): void {
  const before = new Map(responses.old.headers.map((h) => [h.name.toLowerCase(), h]));
  const after = new Map(responses.new.headers.map((h) => [h.name.toLowerCase(), h]));
  for (const [key, h] of after) {
    if (!before.has(key)) emit(context, { rule: 'response-header-added', place: { part: `response ${status} header ${h.name}`, path: '' }, message: `added (${h.required ? 'required' : 'optional'})`, pointers: { old: pointers.old, new: h.pointer } });
  }
  for (const [key, old] of before) {
    const next = after.get(key);
    const place = { part: `response ${status} header ${old.name}`, path: '' };
    if (next === undefined) {
      emit(context, { rule: old.required ? 'required-response-header-removed' : 'optional-response-header-removed', place, message: 'removed', pointers: { old: old.pointer, new: pointers.new } });
      continue;
    }
    if (old.required !== next.required) {
      emit(context, { rule: next.required ? 'response-header-became-required' : 'response-header-became-optional', place, message: next.required ? 'required now' : 'optional now', pointers: { old: old.pointer, new: next.pointer } });
    }
    diffSchema(context, old.schema, next.schema, place);
  }
}

function diffResponse(context: DiffContext, status: number, responses: Sides<ResponseModel>, pointers: Sides<string>): void {
  const old = responses.old.body;
  const next = responses.new.body;
  const place = { part: `response ${status} body`, path: '' };
  if (old && next) {
    if (old.contentType !== next.contentType) emit(context, { rule: 'response-media-type-changed', place, message: `media type ${old.contentType} → ${next.contentType}`, pointers });
    diffSchema(context, old.schema, next.schema, place);
  } else if (old || next) {
    emit(context, { rule: next ? 'response-body-added' : 'response-body-removed', place, message: next ? `body added (${next.contentType})` : 'body removed', pointers: { old: old?.pointer ?? pointers.old, new: next?.pointer ?? pointers.new } });
  }
  diffHeaders(context, status, responses, pointers);
}

/** Compares the documented responses of two versions of an operation (the context's direction is `response`). */
export function diffResponses(context: DiffContext, ops: Sides<OperationModel>): void {
  const before = new Map(ops.old.responses.map((r) => [r.status, r]));
  const after = new Map(ops.new.responses.map((r) => [r.status, r]));
  const listPointer = (op: OperationModel): string => childPointer(op.pointer, 'responses');
  for (const [status, next] of after) {
    const old = before.get(status);
    const pointers = { old: old ? responsePointer(ops.old, status) : listPointer(ops.old), new: responsePointer(ops.new, status) };
    if (old) diffResponse(context, status, { old, new: next }, pointers);
    else emit(context, { rule: isSuccess(status) ? 'success-status-added' : 'error-status-added', place: { part: `response ${status}`, path: '' }, message: `status ${status} added${next.description ? ` (${next.description})` : ''}`, pointers });
  }
  for (const status of before.keys()) {
    if (after.has(status)) continue;
    emit(context, { rule: isSuccess(status) ? 'success-status-removed' : 'error-status-removed', place: { part: `response ${status}`, path: '' }, message: `status ${status} removed`, pointers: { old: responsePointer(ops.old, status), new: listPointer(ops.new) } });
  }
}
