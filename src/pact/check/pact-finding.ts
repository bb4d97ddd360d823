/** What check-pact reports: one finding per thing an interaction says that the contract does not allow. */
import type { ValidationIssue } from '../../validators/index.js';
import type { PactSide } from './pact-http.js';
import { headerNameIn } from './pact-http.js';
import { escapeToken } from '../../contract/json.js';

/** `violation`: the pact asks for what the contract forbids; `contract-defect`: only the document's defects forbid it. */
export type FindingKind = 'violation' | 'contract-defect' | 'warning';

/** One problem of one interaction. */
export interface PactFinding {
  readonly kind: FindingKind;
  readonly file: string;
  /** The interaction's description. */
  readonly interaction: string;
  readonly side: 'request' | 'response';
  /** `example`: the value the pact shows; `matcher`: a value a matching rule admits beyond it. */
  readonly source: 'example' | 'matcher';
  /** JSON pointer into the pact file: the offending value, or the matching rule. */
  readonly location: string;
  /** JSON pointer inside the message part, as the validators say it (`/data/vendorIdentifier`, `/x-api-key`). */
  readonly pointer: string;
  /** The constraint broken (an Ajv keyword, or `status`, `path`, `method`, `contentType`, `matcher`, ...). */
  readonly keyword: string;
  readonly message: string;
}

/** What every finding of one interaction shares. */
export interface InteractionContext {
  readonly file: string;
  readonly interaction: string;
  /** JSON pointer of the interaction in the file (`/interactions/3`). */
  readonly location: string;
}

/** Where in the pact file a validator's issue points: the path, a header, or into a body. */
export function issueLocation(issue: ValidationIssue, side: PactSide, sideLocation: string): string {
  if (issue.part === 'path') return `${sideLocation}/path`;
  if (issue.part === 'headers' || issue.keyword === 'contentType') {
    return `${sideLocation}/headers/${escapeToken(headerNameIn(side.headers, issue.pointer.slice(1)))}`;
  }
  return `${side.bodyLocation}${issue.pointer}`;
}

const issueKey = (issue: ValidationIssue): string => `${issue.part} ${issue.pointer} ${issue.keyword}`;

/** Issues once each: Ajv repeats one complaint per `oneOf` branch (`must be object` three times). */
const unique = (issues: readonly ValidationIssue[]): ValidationIssue[] =>
  [...new Map(issues.map((issue) => [`${issueKey(issue)} ${issue.message}`, issue])).values()];

/** Intent issues are violations; strict issues the intent reading does not share are contract defects. */
export function classify(strict: readonly ValidationIssue[], intent: readonly ValidationIssue[]): { kind: FindingKind; issue: ValidationIssue }[] {
  const inIntent = new Set(intent.map(issueKey));
  return [
    ...unique(intent).map((issue) => ({ kind: 'violation' as const, issue })),
    ...unique(strict).filter((issue) => !inIntent.has(issueKey(issue))).map((issue) => ({ kind: 'contract-defect' as const, issue })),
  ];
}
