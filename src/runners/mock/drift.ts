/**
 * What the mock serves ahead of the next version of the contract (`mock --contract-next`): the values only the next
 * version lets a success answer carry, as the diff (src/diff/) finds them — each enum value added, each oneOf/anyOf
 * branch added, each optional property added — along the success body's properties. Each becomes a schema of the
 * next version's success body with that one choice pinned, so a body drawn from it shows the value and is otherwise
 * valid under the next version.
 */
import { contractFacts, versionName } from '../../checks/index.js';
import { ABSENT, pinChoice, shapeDimensions, type Choice, type Dimension } from '../../checks/response-shapes.js';
import type { JsonSchema } from '../../contract/types.js';
import { diffOperationModels, type Change } from '../../diff/index.js';
import type { OperationContract } from '../../validators/index.js';
import { coherentPointers } from './respond.js';

/** One value only the next version allows, as the mock serves it. */
export interface DriftValue {
  /** `/data/vendorIdentifier AIRWALLEX`, `/data/syncData SyncRevisionInvoicingData`: what the client report names. */
  readonly label: string;
  /** The diff's change that allows it (rule, level, why). */
  readonly change: Change;
  /** The next version's success body schema with the value pinned. */
  readonly schema: JsonSchema;
}

/** The drift values of a run, and the changes the mock cannot serve a value of (with why). */
export interface DriftPlan {
  /** `Stigg API 7.65.0`. */
  readonly next: string;
  readonly values: readonly DriftValue[];
  readonly unserved: readonly string[];
}

/** The diff's rules whose changes let a success answer carry something new. */
const SERVED_RULES = new Set(['enum-value-added', 'branch-added', 'optional-property-added']);

/** The choices a change adds to its dimension: the enum values, the branch, or the property present. */
function addedChoices(change: Change, dimension: Dimension): Choice[] {
  if (change.rule === 'optional-property-added') return dimension.choices.filter((choice) => choice.label !== ABSENT).slice(0, 1);
  // A branch without a title is named by its index: the diff says `3`, the shape `oneOf[3]`.
  const names = (change.added ?? []).flatMap((value) => [String(value), `oneOf[${String(value)}]`, `anyOf[${String(value)}]`]);
  return dimension.choices.filter((choice) => names.includes(choice.label));
}

/** Every value the next version allows in a success answer that the contract does not (see the file's comment). */
export function driftPlan(contract: OperationContract, next: OperationContract): DriftPlan {
  const facts = contractFacts(next);
  const name = versionName(next);
  const schema = facts.successSchema;
  const body = `response ${facts.successStatus ?? 200} body`;
  const changes = diffOperationModels({ old: contract.operation, new: next.operation })
    .filter((change) => change.direction === 'response' && change.part === body && SERVED_RULES.has(change.rule));
  if (schema === undefined) return { next: name, values: [], unserved: changes.map((change) => `${change.where}: ${change.message} (no success body to carry it)`) };
  const dimensions = shapeDimensions(schema, coherentPointers(facts));
  const values: DriftValue[] = [];
  const unserved: string[] = [];
  for (const change of changes) {
    const dimension = dimensions.find((candidate) => candidate.pointer === change.path);
    const choices = dimension ? addedChoices(change, dimension) : [];
    if (!dimension || choices.length === 0) {
      unserved.push(`${change.where}: ${change.message} (not along the body's properties, where the mock pins values)`);
      continue;
    }
    for (const choice of choices) values.push({ label: `${change.path} ${change.rule === 'optional-property-added' ? 'present' : choice.label}`, change, schema: pinChoice(schema, dimension, choice) });
  }
  return { next: name, values, unserved };
}
