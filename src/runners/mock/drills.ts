/**
 * Error drills: a seeded fraction of valid requests is answered with a documented error instead of a success, so a
 * client suite shows it handles them. The errors come in turn (the first drills serve one of each): 429 (with
 * Retry-After), 404 for each missing-resource code, 403, 401. Whether request n is drilled depends only on its seed,
 * so a run replays. Requests that ask for a status with `Prefer` are never drilled.
 */
import type { ContractFacts } from '../../checks/index.js';
import {
  FORBIDDEN_STATUS, NOT_FOUND_CODES, NOT_FOUND_STATUS, RATE_LIMITED_CODE, RATE_LIMITED_STATUS, UNAUTHENTICATED_CODE, UNAUTHENTICATED_STATUS,
} from '../../checks/documented.js';
import { responseSeed } from './seed.js';

/** One drilled error: the status, and the code its body carries (undefined: a documented one, picked by seed). */
export interface Drill {
  readonly status: number;
  readonly code?: string;
}

/** `429 RateLimitExceeded`, `403`: how a drill is named in logs and reports. */
export const drillLabel = (drill: Drill): string => (drill.code === undefined ? String(drill.status) : `${drill.status} ${drill.code}`);

// Mixed into the request's seed so that the drill decision does not follow the body drawn with the same seed.
const DRILL_SALT = 0x5eed_d111;

/** The drills the contract documents, in the order they are served. */
export function documentedDrills(facts: ContractFacts): Drill[] {
  const has = (status: number, code?: string): boolean => facts.statuses.includes(status) && (code === undefined || (facts.errorCodes(status, 'strict') ?? []).includes(code));
  const wanted: Drill[] = [
    { status: RATE_LIMITED_STATUS, code: RATE_LIMITED_CODE },
    { status: NOT_FOUND_STATUS, code: NOT_FOUND_CODES.customer },
    { status: NOT_FOUND_STATUS, code: NOT_FOUND_CODES.integration },
    { status: FORBIDDEN_STATUS },
    { status: UNAUTHENTICATED_STATUS, code: UNAUTHENTICATED_CODE },
  ];
  return wanted.filter((drill) => has(drill.status, drill.code));
}

/** The drills of one run: `pick(seed)` says whether (and how) the request with that seed is drilled. */
export class Drills {
  readonly kinds: readonly Drill[];
  #served = 0;

  constructor(facts: ContractFacts, readonly fraction: number) {
    if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`the drill fraction must be from 0 to 1, got ${fraction}`);
    this.kinds = documentedDrills(facts);
  }

  /** The drill for the request with this response seed, or undefined when it is answered as usual. */
  pick(seed: number): Drill | undefined {
    if (this.kinds.length === 0 || this.fraction === 0) return undefined;
    const roll = (responseSeed(seed, DRILL_SALT) >>> 0) / 2 ** 32;
    if (roll >= this.fraction) return undefined;
    return this.kinds[this.#served++ % this.kinds.length];
  }
}
