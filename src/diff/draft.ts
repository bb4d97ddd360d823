/** A change found at one schema node, before its direction gives it a level. */
export interface Draft {
  readonly rule: string;
  readonly message: string;
  /** The keyword it concerns, so its pointers can name it (`.../enum`). */
  readonly keyword: string;
  /** The values it added (enum values), for Change.added. */
  readonly added?: readonly unknown[];
}

/** A value as a message shows it: strings bare, anything else as JSON; absent as `none`. */
export function shown(value: unknown): string {
  if (value === undefined) return 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A list of values, as a message shows it. */
export const listed = (values: readonly unknown[]): string => values.map(shown).join(', ');
