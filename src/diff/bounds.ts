/** Bounds compared by what they admit: a length, a numeric range, an item or property count, a step. */
import type { JsonSchema } from '../contract/types.js';
import { shown, type Draft } from './draft.js';

type Family = 'length' | 'size';

// Each count keyword with its family and whether a higher value admits less (a lower bound) or more.
const COUNTS: readonly (readonly [string, Family, 'lower' | 'upper'])[] = [
  ['minLength', 'length', 'lower'], ['maxLength', 'length', 'upper'],
  ['minItems', 'size', 'lower'], ['maxItems', 'size', 'upper'],
  ['minProperties', 'size', 'lower'], ['maxProperties', 'size', 'upper'],
];

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

function counts(old: JsonSchema, next: JsonSchema): Draft[] {
  return COUNTS.flatMap(([keyword, family, side]) => {
    const absent = side === 'lower' ? 0 : Number.POSITIVE_INFINITY;
    const before = num(old[keyword]) ?? absent;
    const after = num(next[keyword]) ?? absent;
    if (before === after) return [];
    const narrowed = side === 'lower' ? after > before : after < before;
    return [{ rule: `${family}-${narrowed ? 'narrowed' : 'widened'}`, keyword, message: `${keyword} ${shown(num(old[keyword]))} → ${shown(num(next[keyword]))}` }];
  });
}

/** A numeric bound as OAS 3.0 (translated) gives it: `maximum`, or `exclusiveMaximum` when it is exclusive. */
function bound(schema: JsonSchema, side: 'minimum' | 'maximum'): { value: number; exclusive: boolean } | undefined {
  const exclusive = num(schema[side === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum']);
  if (exclusive !== undefined) return { value: exclusive, exclusive: true };
  const inclusive = num(schema[side]);
  return inclusive === undefined ? undefined : { value: inclusive, exclusive: false };
}

type Bound = ReturnType<typeof bound>;

/** Whether bound `a` admits less than bound `b` (no bound admits everything). */
function tighter(a: Bound, b: Bound, side: 'minimum' | 'maximum'): boolean {
  if (a === undefined) return false;
  if (b === undefined) return true;
  if (a.value !== b.value) return side === 'minimum' ? a.value > b.value : a.value < b.value;
  return a.exclusive && !b.exclusive;
}

const boundText = (b: Bound): string => (b === undefined ? 'none' : `${b.exclusive ? 'exclusive ' : ''}${b.value}`);

function ranges(old: JsonSchema, next: JsonSchema): Draft[] {
  return (['minimum', 'maximum'] as const).flatMap((side) => {
    const before = bound(old, side);
    const after = bound(next, side);
    if (before?.value === after?.value && before?.exclusive === after?.exclusive) return [];
    const narrowed = tighter(after, before, side);
    return [{ rule: `range-${narrowed ? 'narrowed' : 'widened'}`, keyword: side, message: `${side} ${boundText(before)} → ${boundText(after)}` }];
  });
}

function step(old: JsonSchema, next: JsonSchema): Draft[] {
  const before = num(old['multipleOf']);
  const after = num(next['multipleOf']);
  if (before === after) return [];
  const divides = (big: number, small: number): boolean => Math.abs(big / small - Math.round(big / small)) < 1e-9;
  const rule = before === undefined || (after !== undefined && divides(after, before)) ? 'range-narrowed'
    : after === undefined || divides(before, after) ? 'range-widened' : 'range-changed';
  return [{ rule, keyword: 'multipleOf', message: `multipleOf ${shown(before)} → ${shown(after)}` }];
}

function unique(old: JsonSchema, next: JsonSchema): Draft[] {
  const before = old['uniqueItems'] === true;
  const after = next['uniqueItems'] === true;
  if (before === after) return [];
  return [{ rule: after ? 'size-narrowed' : 'size-widened', keyword: 'uniqueItems', message: `uniqueItems ${before} → ${after}` }];
}

/** Every bound that changed between two nodes' translated keywords. */
export const compareBounds = (old: JsonSchema, next: JsonSchema): Draft[] =>
  [...counts(old, next), ...ranges(old, next), ...step(old, next), ...unique(old, next)];
