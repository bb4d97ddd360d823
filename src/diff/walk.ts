/**
 * Two versions of one schema compared structurally: the node's own facts in both readings, then its properties,
 * items, additional properties and branches, each compared with its counterpart.
 */
import { isJsonObject } from '../contract/json.js';
import type { OasSchema, Reading } from '../contract/types.js';
import { pairBranches } from './branches.js';
import { compareFacts } from './compare-facts.js';
import type { Draft } from './draft.js';
import { emit, type DiffContext, type Place } from './emit.js';
import { factsOf } from './facts.js';
import { keywordPointer, origin } from './pointers.js';
import { diffProperties } from './properties.js';

/** The node's own changes, in each reading; one Change per draft, naming the readings that see it. */
function ownChanges(context: DiffContext, old: OasSchema, next: OasSchema, place: Place): void {
  const drafts = new Map<string, { draft: Draft; readings: Reading[] }>();
  for (const reading of ['strict', 'intent'] as const) {
    for (const draft of compareFacts(factsOf(old, context.readers.old[reading]), factsOf(next, context.readers.new[reading]))) {
      const key = `${draft.rule}\0${draft.message}`;
      const seen = drafts.get(key);
      if (seen) seen.readings.push(reading);
      else drafts.set(key, { draft, readings: [reading] });
    }
  }
  for (const { draft, readings } of drafts.values()) {
    emit(context, { rule: draft.rule, place, message: draft.message, readings, pointers: { old: keywordPointer(old, draft.keyword), new: keywordPointer(next, draft.keyword) }, ...(draft.added ? { added: draft.added } : {}) });
  }
}

const subschemas = (node: OasSchema, keyword: string): OasSchema[] => {
  const list = node[keyword];
  return Array.isArray(list) ? list.filter(isJsonObject) : [];
};

const branchLabel = (branch: OasSchema, index: number): string => (typeof branch['title'] === 'string' ? branch['title'] : String(index));

/** oneOf/anyOf branches (whichever keyword each side uses), paired and compared; allOf parts likewise. */
function branches(context: DiffContext, old: OasSchema, next: OasSchema, place: Place): void {
  const kinds = [
    { old: old['oneOf'] ? 'oneOf' : 'anyOf', new: next['oneOf'] ? 'oneOf' : 'anyOf', noun: 'branch', added: 'branch-added', removed: 'branch-removed' },
    { old: 'allOf', new: 'allOf', noun: 'part', added: 'all-of-part-added', removed: 'all-of-part-removed' },
  ];
  for (const kind of kinds) {
    const before = subschemas(old, kind.old);
    const after = subschemas(next, kind.new);
    const { pairs, added, removed } = pairBranches(before, after);
    const at = (branch: OasSchema, index: number, keyword: string): Place => ({ part: place.part, path: `${place.path}[${keyword} ${branchLabel(branch, index)}]` });
    for (const [i, j] of pairs) diffSchema(context, before[i] as OasSchema, after[j] as OasSchema, at(after[j] as OasSchema, j, kind.new));
    for (const j of added) {
      const branch = after[j] as OasSchema;
      emit(context, { rule: kind.added, place, message: `${kind.new} ${kind.noun} added: ${branchLabel(branch, j)}`, pointers: { old: keywordPointer(old, kind.old), new: origin(branch) }, added: [branchLabel(branch, j)] });
    }
    for (const i of removed) {
      const branch = before[i] as OasSchema;
      emit(context, { rule: kind.removed, place, message: `${kind.old} ${kind.noun} removed: ${branchLabel(branch, i)}`, pointers: { old: origin(branch), new: keywordPointer(next, kind.new) } });
    }
  }
}

/** Compares two versions of a schema (dereferenced nodes of each document), recording every change in `context`. */
export function diffSchema(context: DiffContext, old: OasSchema, next: OasSchema, place: Place): void {
  ownChanges(context, old, next, place);
  diffProperties(context, old, next, place, diffSchema);
  for (const keyword of ['items', 'additionalProperties'] as const) {
    const before = old[keyword];
    const after = next[keyword];
    const suffix = keyword === 'items' ? '[]' : '/*';
    if (isJsonObject(before) && isJsonObject(after)) diffSchema(context, before, after, { part: place.part, path: `${place.path}${suffix}` });
  }
  branches(context, old, next, place);
}
