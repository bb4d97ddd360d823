import type { ValidationIssue } from '../../validators/index.js';
import { StiggClientError } from './stigg-client-error.js';

/** With `validateResponses`: the response breaks the contract (intent reading); `issues` says where and how. */
export class ContractViolationError extends StiggClientError {
  override readonly name = 'ContractViolationError';
  constructor(readonly request: string, readonly status: number, readonly issues: readonly ValidationIssue[]) {
    super(`${request} → ${status} breaks the contract:\n${issues.map((issue) => `  ${issue.part} ${issue.pointer || '(root)'} [${issue.keyword}]: ${issue.message}`).join('\n')}`);
  }
}
