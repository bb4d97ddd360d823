/**
 * The failure database replayed first, before the run sets up its own data: each entry's data recreated through the
 * state URL, its exact request sent (the key filled in at send time), judged by every check (the report shows what
 * it finds), its data torn down. An entry whose check still fails is still failing (and confirmed like any finding);
 * one whose check passes is fixed: pruned, or kept marked fixed with `keepFixed`. The read-only directory is never
 * written: its entries this run replays are copied into the writable database unless they are pruned. A shard
 * replays the entries of the units it owns.
 */
import { runChecks, type CheckContext, type Exchange } from '../../../checks/index.js';
import type { FailureReplay, ReplayStatus, RunListener } from '../../../events/index.js';
import type { OperationContract } from '../../../validators/index.js';
import { confirmOne, spelledSend } from '../campaign/confirm.js';
import { keyOf, signatureOf } from '../campaign/findings.js';
import { ownerOf, type Shard } from '../campaign/shard.js';
import type { RunControl } from '../control.js';
import { executeRaw, type SendContext } from '../execute.js';
import { withParsedBodies } from '../parse-bodies.js';
import { fails } from '../shrink.js';
import type { StateClient } from '../state-client.js';
import type { FailureEntry } from './entry.js';
import type { FailureStore, StoredEntry } from './store.js';

/** What the replay needs from the run. */
export interface ReplayInputs {
  readonly contract: OperationContract;
  readonly store: FailureStore;
  readonly shard: Shard;
  readonly send: SendContext;
  readonly context: CheckContext;
  readonly listener: RunListener;
  readonly states: StateClient | undefined;
  readonly control: RunControl;
  readonly strictContract: boolean;
  readonly keepFixed: boolean;
  readonly confirm: number;
  now(): string;
}

/** The entries this shard replays: those of the units it owns (an entry without a unit, by its key). */
export const ownEntries = (entries: readonly StoredEntry[], shard: Shard): StoredEntry[] =>
  entries.filter(({ entry }) => ownerOf(entry.unit ?? entry.key, shard.count) === shard.index);

/** Sends one entry's request with its data set up; the exchange, or why it could not be sent. */
async function sendEntry(entry: FailureEntry, inputs: ReplayInputs): Promise<Exchange | { readonly notJudged: string }> {
  const operation = `${inputs.contract.operation.method} ${inputs.contract.operation.pathTemplate}`;
  if (entry.contract.operation !== operation) return { notJudged: `recorded for ${entry.contract.operation}, not ${operation}` };
  if (entry.states.length > 0 && inputs.states === undefined) return { notJudged: 'no state URL to recreate its data' };
  const done: FailureEntry['states'][number][] = [];
  try {
    for (const change of entry.states) {
      // Undone even when its set-up fails: one abandoned at Ctrl+C may still have been applied.
      done.push(change);
      await inputs.states?.change(change, 'setup');
    }
    const send = spelledSend(inputs.send, entry.keyHeader);
    return withParsedBodies(await executeRaw({ case: entry.case, scenario: entry.scenario }, send));
  } catch (error) {
    return { notJudged: `its data could not be set up: ${(error as Error).message}` };
  } finally {
    for (const change of done.reverse()) await inputs.states?.change(change, 'teardown').catch(() => undefined);
  }
}

/** Replays one entry; its status (and confirms it while its data is up, when it still fails). */
async function replayOne(stored: StoredEntry, inputs: ReplayInputs): Promise<{ status: ReplayStatus; note?: string; sent: number; exchange?: Exchange }> {
  const { entry } = stored;
  const sent = await sendEntry(entry, inputs);
  if ('notJudged' in sent) return { status: 'not-judged', note: sent.notJudged, sent: 0 };
  const runs = runChecks(inputs.send.checks, inputs.context, sent);
  inputs.listener.onExchange?.(sent, runs);
  const own = runs.find((run) => run.check === entry.check);
  if (!own || own.outcome.status === 'skipped' || own.outcome.status === 'not-applicable') {
    return { status: 'not-judged', note: own ? `${entry.check} did not judge it` : `${entry.check} is not selected`, sent: 1 };
  }
  return { status: fails(own, inputs.strictContract) ? 'still-failing' : 'fixed', sent: 1, exchange: sent };
}

/** Confirms a still-failing entry with its data set up again, as every finding of a run is confirmed. */
async function confirmEntry(entry: FailureEntry, exchange: Exchange, inputs: ReplayInputs): Promise<FailureEntry['confirmed']> {
  const run = runChecks(inputs.send.checks.filter((check) => check.id === entry.check), inputs.context, exchange)[0];
  const finding = run?.outcome.status === 'failed' ? run.outcome.findings.find((f) => keyOf(f) === entry.key) ?? run.outcome.findings[0] : undefined;
  if (!finding || inputs.confirm === 0) return entry.confirmed;
  for (const change of entry.states) await inputs.states?.change(change, 'setup');
  try {
    const reproduced = await confirmOne({ key: keyOf(finding), signature: signatureOf(finding), finding, exchange }, inputs.confirm, inputs.send, inputs.context, inputs.strictContract, entry.keyHeader);
    inputs.listener.onConfirmed?.(finding, reproduced, inputs.confirm);
    return { reproduced, of: inputs.confirm };
  } finally {
    for (const change of [...entry.states].reverse()) await inputs.states?.change(change, 'teardown').catch(() => undefined);
  }
}

/**
 * What became of the entry on disk. The writable database ends up holding every entry this shard owns that is not
 * pruned — read-only ones copied in — so that the shards' databases, put together, are the next run's (docs/campaigns.md).
 */
function settle(stored: StoredEntry, status: ReplayStatus, inputs: ReplayInputs, confirmed: FailureEntry['confirmed']): string | undefined {
  const { entry, source } = stored;
  const now = inputs.now();
  const copied = source === 'read-only' && inputs.store.dir !== undefined ? `copied into ${inputs.store.dir}` : undefined;
  if (status === 'still-failing') {
    const { fixedAt: _fixedAt, ...rest } = entry;
    inputs.store.write({ ...rest, lastSeen: now, seen: entry.seen + 1, status: 'failing', ...(confirmed ? { confirmed } : {}) });
    return copied;
  }
  if (status === 'not-judged') {
    if (source === 'read-only') inputs.store.write(entry);
    return copied;
  }
  if (inputs.keepFixed) {
    inputs.store.write({ ...entry, status: 'fixed', fixedAt: entry.fixedAt ?? now });
    return `kept, marked fixed (--keep-fixed)${copied === undefined ? '' : `, ${copied}`}`;
  }
  if (source === 'read-only') return 'not copied (the read-only copy is left as it is)';
  inputs.store.remove(entry.key);
  return 'pruned';
}

/** Replays the shard's entries in key order; returns the requests sent. */
export async function replayFailures(entries: readonly StoredEntry[], inputs: ReplayInputs): Promise<number> {
  let sent = 0;
  for (const stored of ownEntries(entries, inputs.shard)) {
    if (inputs.control.stopped) break;
    const done = await replayOne(stored, inputs);
    sent += done.sent;
    const confirmed = done.status === 'still-failing' && done.exchange ? await confirmEntry(stored.entry, done.exchange, inputs) : stored.entry.confirmed;
    const settled = settle(stored, done.status, inputs, confirmed);
    const note = [done.note, settled].filter((text) => text !== undefined).join('; ') || undefined;
    const replay: FailureReplay = { key: stored.entry.key, check: stored.entry.check, status: done.status, source: stored.source, ...(note === undefined ? {} : { note }) };
    inputs.listener.onFailureReplayed?.(replay);
  }
  return sent;
}
