/**
 * Which related requests a case needs — the same request again, the optional headers absent and garbage — decided by
 * the selected checks that compare them (`check.needs`), so a run without those checks sends none.
 */
import type { RequestCase } from '../../arbitraries/index.js';
import type { Check } from '../../checks/index.js';
import type { OperationContract } from '../../validators/index.js';
import { headerKey } from '../../http/headers.js';

const GARBAGE = 'garbage %% ~!@#$ \t x';

/** What the variants need of the contract, worked out once per contract rather than once per request. */
interface VariantShape {
  /** The optional header parameters, lower-cased. */
  readonly optional: ReadonlySet<string>;
  readonly garbage: Readonly<Record<string, string>>;
  readonly absentLabel: string;
  readonly garbageLabel: string;
}

const shapes = new WeakMap<OperationContract, VariantShape>();

function shapeOf(contract: OperationContract): VariantShape {
  const known = shapes.get(contract);
  if (known) return known;
  const names = contract.operation.headerParams.filter((p) => !p.required).map((p) => p.name);
  const shape: VariantShape = {
    optional: new Set(names.map(headerKey)),
    garbage: Object.fromEntries(names.map((name) => [name, GARBAGE])),
    absentLabel: `${names.join(' and ')} absent`,
    garbageLabel: `${names.join(' and ')}: ${JSON.stringify(GARBAGE)}`,
  };
  shapes.set(contract, shape);
  return shape;
}

/** The case's headers with the optional ones absent, then with them garbage; none when the operation has none. */
export function headerVariants(testCase: RequestCase, contract: OperationContract): Array<{ label: string; headers: Record<string, string> }> {
  const shape = shapeOf(contract);
  if (shape.optional.size === 0) return [];
  const without: Record<string, string> = {};
  for (const name in testCase.headers) if (!shape.optional.has(headerKey(name))) without[name] = testCase.headers[name] as string;
  return [
    { label: shape.absentLabel, headers: without },
    { label: shape.garbageLabel, headers: { ...without, ...shape.garbage } },
  ];
}

/** Which related exchanges the selected checks want for this case. */
export function relatedNeeds(testCase: RequestCase, checks: readonly Check[]): { repeat: boolean; variants: boolean } {
  let repeat = false;
  let variants = false;
  for (const check of checks) {
    if (!check.needs || (repeat && variants) || !check.applies(testCase)) continue;
    if (check.needs === 'repeat') repeat = true;
    else if (check.needs === 'header-variant') variants = true;
  }
  return { repeat, variants };
}
