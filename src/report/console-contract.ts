/**
 * The console's lines about the contract versions a report was judged against: the contract by title and version,
 * the next version (contract drift), and the pact interactions, verified (verify) or held to one version (check-pact).
 */
import { versionText } from './model.js';
import type { Report } from './types.js';

/** Paints text in an ANSI colour (or leaves it as it is, off a terminal). */
export type Paint = (code: number, text: string) => string;

/** The line naming the next version, when the findings were judged against one too. */
export function nextLine(report: Report): string[] {
  const next = report.meta.nextContract;
  if (next === undefined) return [];
  const failing = report.meta.failOnDrift ? 'failing with --fail-on-drift' : 'not failing without --fail-on-drift';
  return [`next contract ${versionText(next.title, next.version, next.file)}: what only it allows is contract drift (${failing})`];
}

/** `Stigg API 7.65.0`: the contract a report judged against, by title and version. */
const contractName = (meta: Report['meta']): string => `${meta.contractTitle ? `${meta.contractTitle} ` : ''}${meta.contractVersion}`;

/**
 * The pact interactions: verified against a provider (verify), or held to the contract (check-pact: each holds or
 * breaks under the version checked against, which a team points at the next one with --contract).
 */
export function pactSection(report: Report, paint: Paint): string[] {
  const { pacts } = report;
  if (pacts.length === 0) return [];
  const held = pacts.filter((p) => p.passed).length;
  const underContract = report.kind === 'check-pact';
  const title = underContract ? `Interactions under ${contractName(report.meta)} (${held} of ${pacts.length} hold)` : `Pact interactions (${held}/${pacts.length} passed)`;
  const [holds, breaks] = underContract ? ['holds  ', 'breaks '] : ['', ''];
  const lines = [paint(1, title)];
  for (const pact of pacts) {
    const name = `${pact.state ? `${pact.state} › ` : ''}${pact.description}`;
    lines.push(pact.passed ? `  ${paint(32, '✓')} ${holds}${name}` : `  ${paint(31, '✗')} ${breaks}${name}${pact.message ? `: ${pact.message}` : ''}`);
  }
  return [...lines, ''];
}
