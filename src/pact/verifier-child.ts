/** Child process of verifier.ts: runs the Pact Verifier, writes the structured result as JSON to fd 3. */
import { createWriteStream } from 'node:fs';
import { text } from 'node:stream/consumers';
import type { VerifierOptions } from '@pact-foundation/pact';
import type { InteractionResult, PactVerificationOptions } from './verifier.js';

interface CoreResult {
  readonly result?: boolean;
  readonly notices?: ReadonlyArray<{ text?: string }>;
  readonly interactionResults?: ReadonlyArray<{ description: string; result: string }>;
  readonly errors?: ReadonlyArray<{ interaction: string; mismatch?: unknown }>;
  readonly pendingErrors?: ReadonlyArray<{ interaction: string; mismatch?: unknown }>;
}

// Only the Verifier, not the whole DSL (consumer tests, matchers, message pacts): that halves the child's start-up.
// The package entry stays the fallback, should a later 16.x release move the file.
const { Verifier } = await import('@pact-foundation/pact/src/dsl/verifier/verifier.js').catch(() => import('@pact-foundation/pact'));

// A refused or reset connection surfaces in pact's proxy as an uncaught error; record it and let the verifier's own
// timeout fail that interaction instead of losing the whole run.
const transportErrors: string[] = [];
process.on('uncaughtException', (error) => void transportErrors.push(error.message));

const options = JSON.parse(await text(process.stdin)) as Omit<PactVerificationOptions, 'apiKey'>;
const key = process.env['STIGG_CONTRACT_PACT_KEY'] ?? '';
// The parent sends the key header's name folded as HTTP compares names (src/http), the form Pact's headers have here.
const keyHeader = options.keyHeader;
// The native verifier filters by description with a regular expression (PACT_DESCRIPTION): the exact texts, escaped.
if (options.onlyDescriptions?.length) {
  const exact = options.onlyDescriptions.map((description) => description.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'));
  process.env['PACT_DESCRIPTION'] = `^(?:${exact.join('|')})$`;
}

function describeMismatch(mismatch: unknown): string {
  const node = mismatch as { mismatches?: Array<{ mismatch?: string }>; message?: string } | undefined;
  return node?.mismatches?.map((m) => m.mismatch ?? '').join('; ') || node?.message || JSON.stringify(mismatch);
}

/** The status the provider answered where the pact expects another (Pact's StatusMismatch), when that is why it failed. */
function actualStatus(mismatch: unknown): number | undefined {
  const node = mismatch as { mismatches?: Array<{ type?: string; actual?: unknown }> } | undefined;
  const status = node?.mismatches?.find((m) => m.type === 'StatusMismatch')?.actual;
  return typeof status === 'number' ? status : undefined;
}

function interactions(core: CoreResult): InteractionResult[] {
  const failures = [...(core.errors ?? []).map((e) => ({ ...e, pending: false })), ...(core.pendingErrors ?? []).map((e) => ({ ...e, pending: true }))];
  return (core.interactionResults ?? []).map(({ description, result }) => {
    const failure = failures.find((f) => f.interaction.endsWith(` - ${description}`) || f.interaction === description);
    const passed = result === 'OK';
    const status = passed || !failure ? undefined : actualStatus(failure.mismatch);
    return { description, passed, pending: failure?.pending ?? false, ...(passed || !failure ? {} : { message: describeMismatch(failure.mismatch) }), ...(status === undefined ? {} : { actualStatus: status }) };
  });
}

const verifierOptions: VerifierOptions = {
  providerBaseUrl: options.providerBaseUrl,
  logLevel: 'error',
  ...(options.pactUrls ? { pactUrls: [...options.pactUrls] } : {}),
  ...(options.stateUrl ? { providerStatesSetupUrl: options.stateUrl, providerStatesSetupTeardown: true, providerStatesSetupBody: true } : {}),
  ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
  ...options.broker,
  // The pact holds a fake key example; the real one replaces it at send time only where the interaction sends one.
  requestFilter: (request: { headers: Record<string, unknown> }, _response: unknown, next: () => void) => {
    if (key && request.headers[keyHeader] !== undefined) request.headers[keyHeader] = key;
    for (const [name, value] of Object.entries(options.headers ?? {})) request.headers[name.toLowerCase()] = value;
    next();
  },
};

let core: CoreResult;
try {
  core = JSON.parse(await new Verifier(verifierOptions).verifyProvider()) as CoreResult;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  try {
    core = JSON.parse(message) as CoreResult;
  } catch {
    core = { result: false, errors: [{ interaction: '(verification)', mismatch: { message } }] };
  }
}
const out = createWriteStream('', { fd: 3 });
const list = interactions(core);
const unexplained = (core.errors ?? []).filter((e) => !list.some((i) => e.interaction.endsWith(` - ${i.description}`)));
out.end(JSON.stringify({
  passed: core.result === true && unexplained.length === 0,
  interactions: [...list, ...unexplained.map((e) => ({ description: e.interaction, passed: false, pending: false, message: describeMismatch(e.mismatch) }))],
  notices: [...(core.notices ?? []).map((n) => n.text ?? '').filter(Boolean), ...transportErrors.map((m) => `transport error: ${m}`)],
}));
