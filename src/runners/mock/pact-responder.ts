/**
 * `--pacts` mode: the mock answers a request with the response of a pact interaction whose request it matches.
 * Pact files are read as check-pact reads them; an unusable file (unreadable, not JSON, not a pact, another
 * provider's) is a ConfigurationError (exit 2): a mock that silently served less than it was given would mislead.
 */
import { expandTargets } from '../../pact/check-pact.js';
import { httpOf, type PactHttp } from '../../pact/check/pact-http.js';
import { rulesOf, type LocatedRule } from '../../pact/check/rules.js';
import { PROVIDER } from '../../pact/names.js';
import { loadPact } from '../../pact/pact-file.js';
import { ConfigurationError } from '../../errors.js';
import type { OperationContract } from '../../validators/index.js';
import { requestMatches } from './pact-match.js';
import { statusHeaders } from './respond.js';
import type { MockReply, MockRequest } from './types.js';
import { isJsonObject } from '../../contract/json.js';
import { normaliseHeaders } from '../../http/headers.js';

/** One interaction the mock can answer with. */
export interface PactEntry {
  readonly file: string;
  readonly description: string;
  readonly states: readonly string[];
  readonly status: number;
  /** The response as the pact writes it (headers lower-cased). */
  readonly reply: MockReply;
  readonly http: PactHttp;
  readonly rules: readonly LocatedRule[];
}

/** The interactions loaded from `--pacts`, what was left out and why, and how to pick one for a request. */
export interface PactResponder {
  readonly files: readonly string[];
  readonly entries: readonly PactEntry[];
  /** Interactions not served (not HTTP, another operation's), and responses the contract rejects (served anyway). */
  readonly warnings: readonly string[];
  /** The interaction to answer `request` with, among those whose response `wanted` accepts; see `pickInteraction`. */
  find(request: MockRequest, wanted: (reply: MockReply) => boolean): PactEntry | undefined;
}


function statesOf(interaction: Record<string, unknown>): string[] {
  const states = interaction['providerStates'];
  if (Array.isArray(states)) return states.map((state) => (isJsonObject(state) && typeof state['name'] === 'string' ? state['name'] : '')).filter(Boolean);
  return typeof interaction['providerState'] === 'string' ? [interaction['providerState']] : [];
}

function replyOf(http: PactHttp): MockReply {
  const { status, headers = {}, body, rawBody } = http.response.exchange;
  const flat = normaliseHeaders(headers);
  // A 429 always says when to come back, even when the pact leaves Retry-After out.
  return { status, headers: { ...statusHeaders(status), ...flat }, ...(rawBody === undefined ? {} : { rawBody }), ...(body === undefined ? {} : { body }) };
}

/** Reads one interaction; a string says why it is not served. */
function entryOf(contract: OperationContract, file: string, interaction: unknown, index: number): PactEntry | string {
  const description = isJsonObject(interaction) && typeof interaction['description'] === 'string' ? interaction['description'] : `interaction ${index}`;
  if (!isJsonObject(interaction)) return `${file}: ${description}: not an interaction object; not served`;
  const http = httpOf(interaction, `/interactions/${index}`);
  if ('skip' in http) return `${file}: ${description}: ${http.skip}; not served`;
  const { method, path } = http.request.exchange;
  if (!contract.validateRequest({ method, path }).matched) return `${file}: ${description}: ${method} ${path} is not ${contract.operation.method} ${contract.operation.pathTemplate}; not served`;
  const rules = [...rulesOf(http.request.node, `/interactions/${index}/request`)];
  return { file, description, states: statesOf(interaction), status: http.response.exchange.status, reply: replyOf(http), http, rules };
}

/**
 * Among the interactions matching the request whose reply `wanted` accepts: the lowest status first (a success
 * before an error, so the state "a customer with an integration" wins over "the API key is rate limited" for the
 * same request), then the first in file order (files sorted by name). Prefer: code=N reaches the others.
 */
export function pickInteraction(entries: readonly PactEntry[], template: string, request: MockRequest, wanted: (reply: MockReply) => boolean): PactEntry | undefined {
  let best: PactEntry | undefined;
  for (const entry of entries) {
    if (best && entry.status >= best.status) continue;
    if (wanted(entry.reply) && requestMatches(template, entry.http, entry.rules, request)) best = entry;
  }
  return best;
}

/** Loads every pact under `target` (a directory of *.json or one file) for the mock; throws ConfigurationError when any is unusable. */
export async function loadPactResponder(target: string, contract: OperationContract, provider: string = PROVIDER): Promise<PactResponder> {
  const { files, unusable } = await expandTargets([target]);
  const entries: PactEntry[] = [];
  const warnings: string[] = [];
  for (const file of files) {
    const loaded = await loadPact(file);
    if (!loaded.ok) unusable.push({ file, reason: loaded.reason });
    else if (loaded.pact.provider.name !== provider) unusable.push({ file, reason: `a pact for provider "${loaded.pact.provider.name}", not "${provider}"` });
    else {
      loaded.pact.interactions.forEach((interaction, index) => {
        const entry = entryOf(contract, file, interaction, index);
        if (typeof entry === 'string') warnings.push(entry);
        else entries.push(entry);
      });
    }
  }
  if (unusable.length > 0) throw new ConfigurationError(`--pacts ${target}: ${unusable.map((u) => `${u.file}: ${u.reason}`).join('; ')}`);
  for (const entry of entries) {
    const check = contract.validateResponse({ status: entry.status, headers: entry.reply.headers, ...(entry.reply.rawBody === undefined ? { body: entry.reply.body } : { rawBody: entry.reply.rawBody }) });
    if (!check.matched || check.verdict === 'violation') {
      warnings.push(`${entry.file}: ${entry.description}: its ${entry.status} response breaks the contract (${check.matched ? check.intent[0]?.message : check.reason}); served as the pact says`);
    }
  }
  const template = contract.operation.pathTemplate;
  return { files, entries, warnings, find: (request, wanted) => pickInteraction(entries, template, request, wanted) };
}
