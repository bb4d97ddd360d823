/** Table-driven check tests: each row is an exchange and what one check must make of it. */
import type { Exchange } from '../../src/checks/types.js';

/** passed (no findings), warned (passed with a warning), failed (a violation), defect (a contract defect), skipped, n/a. */
export type Expectation = 'passed' | 'warned' | 'failed' | 'defect' | 'skipped' | 'not-applicable';

/** One row: the check, a name, the exchange (built lazily: the fixtures need the contract), the expectation. */
export interface Row {
  readonly check: string;
  readonly name: string;
  readonly exchange: () => Exchange;
  readonly expect: Expectation;
  /** A substring the first finding's message (or the skip reason) must contain. */
  readonly says?: string;
}
