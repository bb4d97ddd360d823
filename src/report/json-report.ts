/** The JSON formatter: the whole report, keys sorted at every level so equal reports print byte-identically. */
import { redactReport } from './redact.js';
import type { Report } from './types.js';

/** JSON options: secrets to redact, indentation (default 2). */
export interface JsonOptions {
  readonly secrets?: readonly string[];
  readonly indent?: number;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

/** Renders a report as JSON with a stable key order (arrays keep their report order). */
export function formatJson(report: Report, options: JsonOptions = {}): string {
  const secrets = options.secrets ?? [];
  return `${JSON.stringify(sortKeys(redactReport(report, secrets)), null, options.indent ?? 2)}\n`;
}
