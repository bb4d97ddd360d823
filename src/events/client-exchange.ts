/**
 * The mock's run event: one request a client sent, the contract's verdict on it and the reply (the line the mock's
 * `--log` holds, redacted). The mock emits it through the same RunListener as verify's events; the client report,
 * the pact recording and any embedder each listen.
 */
import type { ValidationIssue, Verdict } from '../validators/index.js';

/**
 * Where a reply came from: `generated` from the contract's response schemas, `pact` from a pact interaction,
 * `mock` written by the mock itself (404 for another route, 401 without a key, 400 naming what is wrong).
 */
export type ReplySource = 'generated' | 'pact' | 'mock';

/** One request the mock saw, as logged (API keys redacted). */
export interface ClientExchange {
  readonly time: string;
  /** The request's index in arrival order, from 0: with the run seed, what makes its response replay. */
  readonly index: number;
  /** The seed the response was generated with (`stigg-contract sample response:<status> --seed <seed> -n 1`). */
  readonly seed: number;
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly headers: Readonly<Record<string, string>>;
    /** The parsed body, when it is JSON (and small enough to log); else `rawBody`, cut short. */
    readonly body?: unknown;
    readonly rawBody?: string;
  };
  readonly verdict: Verdict | 'unmatched';
  readonly issues: readonly ValidationIssue[];
  readonly reason?: string;
  readonly response: { readonly status: number; readonly body?: unknown; readonly source: ReplySource; readonly interaction?: string };
  readonly note?: string;
  /** The error drill the valid request was answered with, with `--drill`. */
  readonly drill?: string;
  /** The value only the next version of the contract allows that the reply served, with `--contract-next`. */
  readonly drift?: string;
}
