import type { JsonSchema, OasSchema } from '../contract/types.js';

/** A defect of the contract itself: the document, read strictly, says something its authors plainly did not mean. */
export interface Defect {
  /** Stable rule id, e.g. `nullable-without-type`. */
  readonly rule: string;
  /** JSON pointer into the document, at the keyword at fault (what a person should read). */
  readonly pointer: string;
  /** JSON pointer of the Schema Object the repair applies to (where `example` sits). */
  readonly schemaPointer: string;
  /** One line: what the document says and what it means. */
  readonly message: string;
  /** A value, at `schemaPointer`, on which the two readings disagree. */
  readonly example: unknown;
  /** Whether the strict reading wrongly rejects the example (the usual case) or wrongly accepts it. */
  readonly strictly: 'rejected' | 'accepted';
  /** How the intent reading repairs the translated schema at `pointer`. */
  readonly repair: (translated: JsonSchema) => JsonSchema;
}

/** A schema as reached from an operation, with where it is written. */
export interface SchemaNode {
  readonly schema: OasSchema;
  readonly pointer: string;
  /** True for path parameters' schemas, which must address a non-empty path segment. */
  readonly isPathParameter: boolean;
}

/** A lint rule looks at one schema node at a time and returns what is wrong there. */
export interface SchemaRule {
  readonly id: string;
  /** One line for `lint --help` and the README. */
  readonly summary: string;
  check(node: SchemaNode, tools: LintTools): readonly Defect[];
}

/** What rules may use to prove a claim: the strict translation and a validator for it. */
export interface LintTools {
  translate(schema: OasSchema): JsonSchema;
  /** Whether the strict reading of `schema` accepts `value`. */
  accepts(schema: OasSchema, value: unknown): boolean;
}
