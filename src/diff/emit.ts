/** Turning what the walk finds into Changes: the rule's verdict for the direction, pointers, readings. */
import type { Reading } from '../contract/types.js';
import type { Reader } from './facts.js';
import { verdictOf } from './rule.js';
import { ruleNamed } from './rules.js';
import type { Change, Direction } from './types.js';

/** Both sides of something compared: the old document's and the new one's. */
export interface Sides<T> {
  readonly old: T;
  readonly new: T;
}

/** What a comparison needs: how each side is read, which way the data flows, and where changes go. */
export interface DiffContext {
  readonly readers: Sides<Readonly<Record<Reading, Reader>>>;
  readonly direction: Direction;
  readonly out: Change[];
}

/** Where in the operation: a part (`response 200 body`, `header X-ACCOUNT-ID`) and a path inside its value. */
export interface Place {
  readonly part: string;
  readonly path: string;
}

/** A place as a person reads it. */
export const placeText = (place: Place): string => (place.path === '' ? place.part : `${place.part} ${place.path}`);

/** Both readings: what a change sees unless it says otherwise (structural changes are the same in both). */
export const BOTH: readonly Reading[] = ['strict', 'intent'];

const STRICT_ONLY = 'only the strict reading sees it: the intent reading, with lint\'s repairs, already read the document so; hence info';
const INTENT_ONLY = 'only the intent reading sees it: as strictly written, the document said so already';

/** What a change is: the rule, where, what, and the pointers into both documents. */
export interface Found {
  readonly rule: string;
  readonly place: Place;
  readonly message: string;
  readonly pointers: Sides<string>;
  readonly readings?: readonly Reading[];
  /** What it added that clients may now receive or send (Change.added). */
  readonly added?: readonly unknown[];
}

/**
 * Records a change with its rule's verdict for the context's direction. A change only the strict reading sees is
 * information whatever its rule says: the harness holds providers and clients to the intent reading, which did not move.
 */
export function emit(context: Pick<DiffContext, 'direction' | 'out'>, found: Found): void {
  const readings = found.readings ?? BOTH;
  const verdict = verdictOf(ruleNamed(found.rule), context.direction);
  const strictOnly = readings.length === 1 && readings[0] === 'strict';
  const intentOnly = readings.length === 1 && readings[0] === 'intent';
  context.out.push({
    rule: found.rule,
    level: strictOnly ? 'info' : verdict.level,
    direction: context.direction,
    where: placeText(found.place),
    part: found.place.part,
    path: found.place.path,
    ...(found.added === undefined ? {} : { added: found.added }),
    message: found.message,
    why: strictOnly ? `${verdict.why}; ${STRICT_ONLY}` : intentOnly ? `${verdict.why}; ${INTENT_ONLY}` : verdict.why,
    oldPointer: found.pointers.old,
    newPointer: found.pointers.new,
    readings,
  });
}
