/**
 * check-pact: every interaction of a pact, held to the contract like PactFlow's bi-directional check. The examples
 * are validated as they stand, and each matching rule is probed for values it admits that the contract rejects (a
 * type matcher on an enum, a regex looser than the schema's pattern, a status class with undocumented statuses).
 * Returns data; the CLI (src/cli/commands/check-pact.ts) formats it and picks the exit code.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OperationContract } from '../validators/index.js';
import { failsRun } from '../checks/finding.js';
import { checkInteraction, unusableInteraction } from './check/check-interaction.js';
import type { PactFinding } from './check/pact-finding.js';
import { PROVIDER } from './names.js';
import { loadPact, type PactDocument } from './pact-file.js';

export type { FindingKind, PactFinding } from './check/pact-finding.js';

/** One interaction of a checked pact: where it is in the file, its description and provider state. */
export interface CheckedInteraction {
  /** JSON pointer of the interaction in the file (`/interactions/3`): its findings' locations start with it. */
  readonly location: string;
  readonly description: string;
  readonly state?: string;
  /** Why it could not be checked at all (not an HTTP interaction, ...): it then neither holds nor breaks. */
  readonly unusable?: string;
}

/** A pact file that was checked. */
export interface CheckedPact {
  readonly file: string;
  readonly consumer: string;
  readonly provider: string;
  readonly interactions: number;
  /** Each interaction, in file order. */
  readonly each: readonly CheckedInteraction[];
}

/** A file (or directory) that could not be checked, and why. */
export interface UnusablePact {
  readonly file: string;
  readonly reason: string;
}

/** The outcome of a check-pact run. */
export interface CheckPactReport {
  readonly checked: readonly CheckedPact[];
  readonly unusable: readonly UnusablePact[];
  readonly findings: readonly PactFinding[];
}

/** The contract to hold pacts to, and the provider the pacts must name (default `stigg-api`). */
export interface CheckPactOptions {
  readonly contract: OperationContract;
  readonly provider?: string;
}

/** The name of an interaction's (first) provider state, in any pact version's spelling. */
function stateOf(interaction: unknown): string | undefined {
  const node = (interaction ?? {}) as { providerStates?: unknown; providerState?: unknown };
  const first: unknown = Array.isArray(node.providerStates) ? node.providerStates[0] : undefined;
  const name = (first as { name?: unknown } | undefined)?.name ?? node.providerState;
  return typeof name === 'string' ? name : undefined;
}

/** Each interaction of a pact: its location, description (or `interaction N`), state, and why it cannot be checked. */
export function interactionsOf(pact: PactDocument): CheckedInteraction[] {
  return pact.interactions.map((interaction, index) => {
    const description = (interaction as { description?: unknown } | null)?.description;
    const location = `/interactions/${index}`;
    const state = stateOf(interaction);
    const unusable = unusableInteraction(interaction, location);
    return { location, description: typeof description === 'string' ? description : `interaction ${index}`, ...(state === undefined ? {} : { state }), ...(unusable === undefined ? {} : { unusable }) };
  });
}

/** Every finding of one parsed pact (its provider name is not checked here). */
export function checkPactDocument(pact: PactDocument, file: string, contract: OperationContract): PactFinding[] {
  const each = interactionsOf(pact);
  return pact.interactions.flatMap((interaction, index) => {
    const { description, location } = each[index] as CheckedInteraction;
    return checkInteraction(contract, interaction, { file, interaction: description, location });
  });
}

/** Files named, or the `*.json` files of directories named; a missing target or an empty directory is unusable. */
export async function expandTargets(targets: readonly string[]): Promise<{ files: string[]; unusable: UnusablePact[] }> {
  const files: string[] = [];
  const unusable: UnusablePact[] = [];
  for (const target of targets) {
    const info = await stat(target).catch((error: unknown) => (error as Error));
    if (info instanceof Error) unusable.push({ file: target, reason: `cannot read: ${info.message}` });
    else if (!info.isDirectory()) files.push(target);
    else {
      const found = (await readdir(target)).filter((name) => name.endsWith('.json')).sort().map((name) => join(target, name));
      if (found.length === 0) unusable.push({ file: target, reason: 'no pact files (*.json) in this directory' });
      files.push(...found);
    }
  }
  return { files: [...new Set(files)], unusable };
}

/** Reads and checks every pact the targets name. */
export async function checkPacts(targets: readonly string[], options: CheckPactOptions): Promise<CheckPactReport> {
  const provider = options.provider ?? PROVIDER;
  const { files, unusable } = await expandTargets(targets);
  const checked: CheckedPact[] = [];
  const findings: PactFinding[] = [];
  for (const file of files) {
    const loaded = await loadPact(file);
    if (!loaded.ok) {
      unusable.push({ file, reason: loaded.reason });
      continue;
    }
    const { pact } = loaded;
    if (pact.provider.name !== provider) {
      unusable.push({ file, reason: `a pact for provider "${pact.provider.name}", not "${provider}"` });
      continue;
    }
    // A pact none of whose interactions can be read checks nothing: a gate that passed it would promise nothing.
    const each = interactionsOf(pact);
    if (each.every((interaction) => interaction.unusable !== undefined)) {
      unusable.push({ file, reason: pact.interactions.length === 0 ? 'the pact has no interactions' : `none of its ${pact.interactions.length} interactions is an HTTP interaction this check can read` });
      continue;
    }
    checked.push({ file, consumer: pact.consumer.name, provider: pact.provider.name, interactions: pact.interactions.length, each });
    findings.push(...checkPactDocument(pact, file, options.contract));
  }
  return { checked, unusable, findings };
}

/** 2 when an input was unusable; 1 for violations (and contract defects with `strictContract`); else 0. */
export function checkPactExitCode(report: CheckPactReport, strictContract = false): 0 | 1 | 2 {
  if (report.unusable.length > 0) return 2;
  const failing = report.findings.some((finding) => failsRun(finding.kind, strictContract));
  return failing ? 1 : 0;
}
