import type { ErrorObject } from 'ajv';
import { atPointer, childPointer, jsonText } from '../contract/json.js';

/** Which part of an exchange a problem is in. Responses are `response:<status>`. */
export type Part = 'path' | 'headers' | 'body' | `response:${number}`;

/** One problem with one value: the common currency of validators, arbitraries' tags and findings. */
export interface ValidationIssue {
  readonly part: Part;
  /** JSON pointer inside the part (`/id`, `/syncedEntityId`, `/x-api-key`, `/data/syncData`). */
  readonly pointer: string;
  /** The constraint broken: an Ajv keyword, or `json`, `contentType`, `percentEncoding`. */
  readonly keyword: string;
  readonly message: string;
  /** The offending value, cut short for display. */
  readonly value?: string;
}

/** Three-way outcome of checking a value against both readings of the contract. */
export type Verdict = 'valid' | 'contract-defect' | 'violation';

/** Valid when both readings accept; a contract defect when only the strict reading rejects; else a violation. */
export function verdictOf(strict: readonly ValidationIssue[], intent: readonly ValidationIssue[]): Verdict {
  if (intent.length > 0) return 'violation';
  return strict.length > 0 ? 'contract-defect' : 'valid';
}

/** One issue on one line: kind, part, JSON pointer, constraint, message, and the offending value cut short. */
export const formatIssue = (issue: ValidationIssue, kind: string): string =>
  `${kind}  ${issue.part}  ${issue.pointer || '(root)'}  ${issue.keyword}: ${issue.message}${issue.value === undefined ? '' : `  value: ${issue.value}`}`;

/** The strict reading's issues the intent reading does not share: the contract's own defects. */
export const defectsOnly = (strict: readonly ValidationIssue[], intent: readonly ValidationIssue[]): ValidationIssue[] =>
  strict.filter((s) => !intent.some((i) => i.pointer === s.pointer && i.keyword === s.keyword && i.part === s.part));

/** Issues listed once each (Ajv reports a property missing from two oneOf branches twice). */
export function distinctIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify([issue.part, issue.pointer, issue.keyword, issue.message]);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** A short, single-line JSON rendering of a value for messages. */
export function preview(value: unknown, max = 80): string {
  const text = value === undefined ? 'undefined' : jsonText(value);
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}… (${chars.length} chars)`;
}


/** Turns Ajv's errors into issues: the pointer names the property itself for `required` and `additionalProperties`. */
export function fromAjv(part: Part, errors: readonly ErrorObject[] | null | undefined, root: unknown): ValidationIssue[] {
  return (errors ?? []).map((error) => {
    const params = error.params as Record<string, unknown>;
    const named = error.keyword === 'required' ? params['missingProperty'] : error.keyword === 'additionalProperties' ? params['additionalProperty'] : undefined;
    const pointer = typeof named === 'string' ? childPointer(error.instancePath, named) : error.instancePath;
    const value = error.keyword === 'required' ? undefined : atPointer(root, pointer);
    const allowed = error.keyword === 'enum' ? ` (${(params['allowedValues'] as unknown[]).length} allowed values)` : '';
    return {
      part,
      pointer,
      keyword: error.keyword,
      message: error.keyword === 'required' ? `${pointer} is required but missing` : `${pointer || '(root)'} ${error.message ?? 'is invalid'}${allowed}`,
      ...(error.keyword === 'required' ? {} : { value: preview(value) }),
    };
  });
}
