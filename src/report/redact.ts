/**
 * The report's redaction: every value where a secret can appear (messages, URLs, header values, bodies, curl
 * commands, reasons) scrubbed before a writer renders it; the report's own vocabulary (kinds, check ids, tags, phase
 * and coverage names, replay flags) kept as is, so a report stays readable back and its writers never see a key
 * renamed, whatever the secret. Whatever is not listed here is scrubbed: a new field is safe by default.
 */
import { redactDeep, type ValuePath } from '../secrets.js';
import type { Report } from './types.js';

/** A finding's own tags, under `prefix`. */
const findingTags = (prefix: string): ValuePath[] => ['check', 'kind', 'scenario', 'intent.intent', 'intent.breaks.part', 'intent.breaks.pointer', 'intent.breaks.keyword', 'replay.path', 'reproducer.replay', 'response.error'].map((tag) => `${prefix}${tag}`);

/** The report's vocabulary: values no secret is ever in, and which readers of a report (parseReport, CI) key on. */
export const REPORT_TAGS: ReadonlySet<ValuePath> = new Set([
  'kind', 'meta.operation', 'meta.contractFile', 'meta.contractVersion', 'meta.contractTitle', 'meta.unit', 'meta.startedAt',
  'meta.nextContract.title', 'meta.nextContract.version', 'meta.nextContract.file', 'meta.merged.shards.*', 'meta.merged.missing.*',
  'checks.*.id', 'checks.*.description', 'checks.*.documents',
  'findings.*.check', 'findings.*.kind', 'findings.*.signature', ...findingTags('findings.*.finding.'),
  'failureReplays.*.key', 'failureReplays.*.check', 'failureReplays.*.status', 'failureReplays.*.source',
  'phases.*.phase', 'coverage.*.name', 'coverage.*.notCovered.*', 'problems.*.kind', 'problems.*.state',
]);

/** A copy of the report with every secret's every spelling scrubbed from its values (see REPORT_TAGS). */
export const redactReport = <R extends Report>(report: R, secrets: readonly string[]): R => redactDeep(report, secrets, { keep: REPORT_TAGS });
