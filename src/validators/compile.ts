import type { ValidateFunction } from 'ajv';
import { createAjv, knownFormats } from '../contract/ajv.js';
import type { JsonSchema, OperationModel, Reading } from '../contract/types.js';
import type { Defect } from '../lint/defect.js';
import { intentRewrite } from '../lint/lint.js';
import { fromAjv, type Part, type ValidationIssue } from './issue.js';
import { partSchemas, type PartSchemas } from './schemas.js';

/** Validates one part's value in one reading. */
export type PartValidator = (value: unknown) => ValidationIssue[];

/** Both readings of every part, compiled once. */
export interface CompiledParts {
  readonly schemas: Readonly<Record<Reading, PartSchemas>>;
  readonly path: Readonly<Record<Reading, PartValidator>>;
  readonly headers: Readonly<Record<Reading, PartValidator>>;
  readonly body?: Readonly<Record<Reading, PartValidator>>;
  readonly responses: ReadonlyMap<number, Readonly<Record<Reading, PartValidator>> | undefined>;
}

function validator(part: Part, validate: ValidateFunction): PartValidator {
  return (value) => (validate(value) ? [] : fromAjv(part, validate.errors, value));
}

/** Compiles the strict reading (the document as written) and the intent reading (the defects repaired). */
export function compileParts(operation: OperationModel, defects: readonly Defect[]): CompiledParts {
  const ajv = createAjv();
  const formats = knownFormats(ajv);
  const schemas = { strict: partSchemas(operation, { formats }), intent: partSchemas(operation, { formats, rewrite: intentRewrite(defects) }) };
  const both = (part: Part, pick: (s: PartSchemas) => JsonSchema): Record<Reading, PartValidator> => ({
    strict: validator(part, ajv.compile(pick(schemas.strict))),
    intent: validator(part, ajv.compile(pick(schemas.intent))),
  });
  const responses = new Map(operation.responses.map((response) => [
    response.status,
    response.body ? both(`response:${response.status}`, (s) => s.responses.get(response.status) as JsonSchema) : undefined,
  ]));
  return {
    schemas,
    path: both('path', (s) => s.path),
    headers: both('headers', (s) => s.headers),
    ...(operation.requestBody ? { body: both('body', (s) => s.body as JsonSchema) } : {}),
    responses,
  };
}
