/** The shape of an edge fixture: what the systematic phase sets up (or makes absent) through provider states. */

/** What the run makes true of a fixture: the record exists, the customer does not, or the customer exists without it. */
export type Presence = 'existing' | 'no-customer' | 'no-integration';

/** A pair of path parameter values the run sets up (or makes absent), and the edge classes it stands for. */
export interface EdgeFixture {
  readonly customerId: string;
  readonly integrationId: string;
  /** The edge classes of the value that varies (` = ` between classes sharing one value). */
  readonly edgeClass: string;
  /** The catalogue kind (`store/case-neighbours`): see kinds.ts. */
  readonly kind: string;
  readonly presence: Presence;
  /** Whether the run sends its provider state; false where an earlier state of the same customer already made it true. */
  readonly setUp: boolean;
  /** Fixtures of one group get records that differ from each other (side-by-side twins must each answer with its own). */
  readonly group?: string;
  /** Record member values of a layer's own (strings that look like numbers, or that serialisers mangle), not drawn ones. */
  readonly record?: 'coercion' | 'serializer';
  /**
   * The customer is one of the run's own (`a1`, `a2`...: its value is no edge), which a runner may make unique to the
   * run; the edge customers' values are the edge itself, the same in every run.
   */
  readonly own?: true;
  /**
   * Fixtures of one unit only mean something together (side-by-side twins and the absent neighbours of their base):
   * set up, and replayed, as one. Absent: the fixture's customer is its unit.
   */
  readonly unit?: string;
}

/** Customers of their own for fixtures: the anchor customer's value with a number (`a1`, `a2`...), never one taken. */
export type CustomerPool = () => string;
