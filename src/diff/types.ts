/** The diff's data: changes between two versions of one operation, each with its level and direction. */
import type { Reading } from '../contract/types.js';

/** How much a change can hurt the side that did not make it, least first. */
export type Level = 'info' | 'warning' | 'breaking';

/** Every level, least first: the order `--fail-on` compares by. */
export const LEVELS: readonly Level[] = ['info', 'warning', 'breaking'];

/** Whether a level reaches a threshold (`breaking` reaches `warning`). */
export const reaches = (level: Level, threshold: Level): boolean => LEVELS.indexOf(level) >= LEVELS.indexOf(threshold);

/** Which way the changed data flows: the client sends requests, the provider sends responses. */
export type Direction = 'request' | 'response';

/** One change of the operation. */
export interface Change {
  /** The rule that classified it (docs/diff.md lists every rule). */
  readonly rule: string;
  readonly level: Level;
  readonly direction: Direction;
  /** Where, for a person: `response 200 body /data/vendorIdentifier`, `header X-ACCOUNT-ID`. */
  readonly where: string;
  /** The part of the operation `where` names: `response 200 body`, `header X-ACCOUNT-ID`, `security`. */
  readonly part: string;
  /** The path inside the part's value (`/data/vendorIdentifier`; `[oneOf Title]` steps into a branch, `[]` into items); '' for the part itself. */
  readonly path: string;
  /** What the change added that a client may now receive or send: the enum values (`enum-value-added`), the branch (`branch-added`, its title or index). */
  readonly added?: readonly unknown[];
  /** What changed, one line: `enum values added: AIRWALLEX, STRIPE_INVOICING`. */
  readonly message: string;
  /** Why it has its level: who breaks, one line. */
  readonly why: string;
  /** JSON pointer into the old document (where the element is, or its nearest parent when it is new). */
  readonly oldPointer: string;
  /** JSON pointer into the new document (likewise, the nearest parent when the element was removed). */
  readonly newPointer: string;
  /** The readings of the contract that see the change: both, or only one (see docs/diff.md). */
  readonly readings: readonly Reading[];
}

/** One side of a diff: the document and the operation compared. */
export interface DiffSide {
  readonly file: string;
  readonly title: string;
  readonly version: string;
  /** `PATCH /path (operationId)`, or undefined when the operation is not in this document. */
  readonly operation?: string;
}

/** Everything that changed in one operation between two documents. */
export interface OperationDiff {
  readonly old: DiffSide;
  readonly new: DiffSide;
  readonly changes: readonly Change[];
}
