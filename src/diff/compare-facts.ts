/** One node's facts compared in one reading: everything but its properties and branches (see walk.ts). */
import { isDeepStrictEqual } from 'node:util';
import { compareBounds } from './bounds.js';
import { listed, shown, type Draft } from './draft.js';
import type { Facts } from './facts.js';

/** Whether every type of `from` is admitted by `to` (an integer is a number). */
const covers = (to: readonly string[], from: readonly string[]): boolean =>
  from.every((type) => to.includes(type) || (type === 'integer' && to.includes('number')));

function types(old: Facts, next: Facts): Draft[] {
  if (isDeepStrictEqual(old.types, next.types)) return [];
  const message = `type ${old.types ? old.types.join('|') : 'any'} → ${next.types ? next.types.join('|') : 'any'}`;
  const widened = next.types === undefined || (old.types !== undefined && covers(next.types, old.types));
  const narrowed = old.types === undefined || (next.types !== undefined && covers(old.types, next.types));
  if (widened && narrowed) return [];
  return [{ rule: widened ? 'type-widened' : narrowed ? 'type-narrowed' : 'type-changed', keyword: 'type', message }];
}

function nullability(old: Facts, next: Facts): Draft[] {
  if (old.nullable === next.nullable) return [];
  return [{ rule: next.nullable ? 'became-nullable' : 'became-not-nullable', keyword: 'nullable', message: next.nullable ? 'null allowed now' : 'null no longer allowed' }];
}

function enums(old: Facts, next: Facts): Draft[] {
  if (old.enum === undefined && next.enum === undefined) return [];
  if (old.enum === undefined) return [{ rule: 'enum-added', keyword: 'enum', message: `restricted to ${listed(next.enum ?? [])}` }];
  if (next.enum === undefined) return [{ rule: 'enum-removed', keyword: 'enum', message: `no longer restricted to ${listed(old.enum)}` }];
  const has = (values: readonly unknown[], value: unknown): boolean => values.some((other) => isDeepStrictEqual(other, value));
  const added = next.enum.filter((value) => !has(old.enum ?? [], value));
  const removed = old.enum.filter((value) => !has(next.enum ?? [], value));
  return [
    ...(added.length > 0 ? [{ rule: 'enum-value-added', keyword: 'enum', message: `enum values added: ${listed(added)}`, added }] : []),
    ...(removed.length > 0 ? [{ rule: 'enum-value-removed', keyword: 'enum', message: `enum values removed: ${listed(removed)}` }] : []),
  ];
}

function composition(old: Facts, next: Facts): Draft[] {
  if (old.composition === undefined || next.composition === undefined || old.composition === next.composition) return [];
  const widened = next.composition === 'anyOf';
  return [{ rule: widened ? 'composition-widened' : 'composition-narrowed', keyword: next.composition, message: `${old.composition} → ${next.composition}` }];
}

/** `pattern` and `format`: set, unset or changed (whether one pattern admits another's strings is not decided). */
function strings(old: Facts, next: Facts): Draft[] {
  return (['pattern', 'format'] as const).flatMap((keyword) => {
    const before = old.keywords[keyword];
    const after = next.keywords[keyword];
    if (before === after) return [];
    const what = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    return [{ rule: `${keyword}-${what}`, keyword, message: `${keyword} ${shown(before)} → ${shown(after)}` }];
  });
}

function closed(old: Facts, next: Facts): Draft[] {
  const before = old.keywords['additionalProperties'] === false;
  const after = next.keywords['additionalProperties'] === false;
  if (before === after) return [];
  return [{ rule: after ? 'additional-properties-forbidden' : 'additional-properties-allowed', keyword: 'additionalProperties', message: `additionalProperties ${before ? 'false' : 'allowed'} → ${after ? 'false' : 'allowed'}` }];
}

function defaults(old: Facts, next: Facts): Draft[] {
  if (isDeepStrictEqual(old.keywords['default'], next.keywords['default'])) return [];
  return [{ rule: 'default-changed', keyword: 'default', message: `default ${shown(old.keywords['default'])} → ${shown(next.keywords['default'])}` }];
}

/** Every change between two nodes' facts in one reading. */
export const compareFacts = (old: Facts, next: Facts): Draft[] => [
  ...types(old, next), ...nullability(old, next), ...enums(old, next), ...composition(old, next),
  ...compareBounds(old.keywords, next.keywords), ...strings(old, next), ...closed(old, next), ...defaults(old, next),
];
