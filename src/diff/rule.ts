import type { Direction, Level } from './types.js';

/** A rule's level in one direction, and why: who breaks. */
export interface Verdict {
  readonly level: Level;
  readonly why: string;
}

/** One kind of change: its id, a summary, and its verdict for each direction it can occur in. */
export interface DiffRule {
  readonly id: string;
  readonly summary: string;
  readonly request?: Verdict;
  readonly response?: Verdict;
}

/** A verdict, briefly: `v('breaking', 'clients that send it are refused')`. */
export const v = (level: Level, why: string): Verdict => ({ level, why });

/** The verdict of a rule in a direction; a rule asked about a direction it lacks is a defect of the engine. */
export function verdictOf(rule: DiffRule, direction: Direction): Verdict {
  const verdict = rule[direction];
  if (verdict === undefined) throw new Error(`diff rule ${rule.id} has no ${direction} verdict`);
  return verdict;
}
