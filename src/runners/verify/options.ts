/**
 * verify's options, resolved once: every default and every range lives here (as fast-check's
 * `QualifiedParameters.read` turns partial parameters into one complete, checked object before anything runs). The
 * library's `verify()`, the CLI (whose flag table is typed by these options) and the runner all take what
 * `resolveVerifyOptions` returns; nothing downstream falls back to a default of its own.
 */
import { randomInt } from 'node:crypto';
import { selectCheckIds } from '../../checks/ids.js';
import { ConfigurationError } from '../../errors.js';
import type { BrokerSource } from '../../pact/verifier.js';
import { defaultPactsDir } from '../../pact/names.js';
import type { OperationContract } from '../../validators/index.js';
import { assertReplayPath } from './replay-path.js';
import { campaignOptions, type Shard } from './campaign/campaign-options.js';
import { resolveExtraHeaders, type ExtraHeaders } from './extra-headers.js';
import { checkProviderUrl } from './urls.js';

/** What a caller may set; every field is optional and defaulted by `resolveVerifyOptions`. */
export interface VerifyOptions {
  /** The provider; default: start the embedded reference provider. */
  readonly baseUrl?: string;
  /** Default: the embedded provider's own random key (an external provider needs one). */
  readonly apiKey?: string;
  /** Provider-state change URL (POST {state, params, action}); the embedded provider's by default. */
  readonly stateUrl?: string;
  /**
   * Headers a gateway in front of the provider needs, sent with every request, state change and pact interaction
   * (`{ 'X-Tenant': 'acme' }` or `['X-Tenant: acme']`); never one the contract documents. Redacted like the key.
   */
  readonly headers?: ExtraHeaders;
  /** Existing data (`customer/integration`) to aim valid requests at. */
  readonly fixtures?: readonly string[];
  /** Pact files to verify in phase 1 (default `pacts/`, else the pacts shipped with the package). */
  readonly pactsDir?: string;
  /** Verify the pacts a broker selects instead of a directory. */
  readonly broker?: BrokerSource;
  /** Skip phase 1 (default: only when `path` replays one case). */
  readonly skipPacts?: boolean;
  /** Generated cases in the random phase. */
  readonly runs?: number;
  /** fast-check seed; default random (returned, so the run replays). */
  readonly seed?: number;
  /** With `seed`: replay exactly one case (`7:1`, or `edge:N` for a systematic one). */
  readonly path?: string;
  /** Deadline of one exchange, body included. */
  readonly timeoutMs?: number;
  /**
   * Deadline of one state change (a POST to the state URL), apart from `timeoutMs`: setting up data may take a
   * provider longer than answering a request. Phase 1 gives Pact's verifier the longer of the two (it has one deadline).
   */
  readonly stateTimeoutMs?: number;
  /** The longest the pact phase (Pact's verifier, a child process) may run before it is stopped. */
  readonly pactTimeoutMs?: number;
  /** Requests in flight. */
  readonly concurrency?: number;
  /** Check ids (a list, or comma-separated); default every check. */
  readonly checks?: string | readonly string[];
  /** Contract defects fail the run too. */
  readonly strictContract?: boolean;
  /**
   * The next version of the contract (`openContract(file, operation)`): a finding the contract forbids and this one
   * allows is reported as `contract-drift` (runners/verify/drift.ts); what is sent still comes from the contract.
   */
  readonly nextContract?: OperationContract;
  /** Contract drift fails the run too (needs `nextContract`). */
  readonly failOnDrift?: boolean;
  /** A response body above this many bytes is a finding (and is not read further). */
  readonly maxBodyBytes?: number;
  /** The run stops sending after this long; the report says STOPPED EARLY and counts the cases not run. */
  readonly maxDurationMs?: number;
  /** Longest wait for one 429's Retry-After before sending again. */
  readonly maxBackoffMs?: number;
  /**
   * All waits for 429s together: past it a 429 is not waited out, the run stops, and without a violation it gives no
   * verdict (the report says how long it waited, of what budget).
   */
  readonly waitBudgetMs?: number;
  /** Upper bound for shrinking one check's failure. */
  readonly shrinkMs?: number;
  /** How many integrations to create through the state URL (besides the edge-id ones). */
  readonly existingFixtures?: number;
  /** Send the systematic cases before the random ones (a `path` replay of a random case never does). */
  readonly systematic?: boolean;
  /**
   * Aborting it interrupts the run (Ctrl+C): requests in flight and Pact's verifier are stopped, the provider states
   * set up are torn down within a short deadline, and the summary and report keep what was done.
   */
  readonly signal?: AbortSignal;
  /**
   * A fuzzing budget: the systematic phase in full, then random cases until this long after the first case (new
   * seeds per epoch). Raises `maxDurationMs` to this plus its default when that is not given; refused above it.
   */
  readonly maxTimeMs?: number;
  /** The failure database: a directory replayed first and written as findings appear; `false`: none. */
  readonly failures?: string | false;
  /** A read-only failure database (a CI cache, a teammate's copy): replayed too, never written. */
  readonly failuresFrom?: string;
  /** Keep entries that replayed fixed (marked fixed) instead of pruning them. */
  readonly keepFixed?: boolean;
  /** How many times each finding is sent again to tell reproducible from flaky (0: never). */
  readonly confirm?: number;
  /** Run one shard of a run split n ways: `2/4`, or { index: 2, count: 4 } (numbered from 1). */
  readonly shard?: string | Shard;
  /** How many seeds the random phase runs, one after another (seed, seed + 1, …): what `n` shards run together. */
  readonly randomSeeds?: number;
}

/** The defaults `resolveVerifyOptions` fills in: the CLI shows them in `--help`, the README lists them. */
export const VERIFY_DEFAULTS = {
  runs: 200,
  timeoutMs: 5000,
  stateTimeoutMs: 10_000,
  pactTimeoutMs: 5 * 60_000,
  concurrency: 4,
  strictContract: false,
  failOnDrift: false,
  maxBodyBytes: 2 ** 20,
  maxDurationMs: 10 * 60_000,
  maxBackoffMs: 5000,
  waitBudgetMs: 60_000,
  shrinkMs: 15_000,
  existingFixtures: 12,
  systematic: true,
  failures: '.stigg-contract/failures',
  keepFixed: false,
  confirm: 2,
  randomSeeds: 1,
} as const;

type Defaulted = Exclude<keyof typeof VERIFY_DEFAULTS, 'failures'>;
type Widen<T> = T extends number ? number : T extends boolean ? boolean : T;

/** Every option given: what the runner takes. `checks` is the selected ids, in table order. */
export type ResolvedVerifyOptions = Omit<VerifyOptions, Defaulted | 'seed' | 'pactsDir' | 'fixtures' | 'checks' | 'skipPacts' | 'failures' | 'shard' | 'headers'> & {
  readonly [K in Defaulted]: Widen<(typeof VERIFY_DEFAULTS)[K]>;
} & {
  readonly seed: number;
  readonly pactsDir: string;
  readonly fixtures: readonly string[];
  readonly checks: readonly string[];
  readonly skipPacts: boolean;
  readonly failures: string | false;
  readonly shard: Shard;
  readonly headers: Readonly<Record<string, string>>;
};

/** The integer options and their ranges: the one place a bound is set (the CLI's flags check the same ones). */
export const INTEGER_RANGES = {
  runs: [1, 2 ** 31 - 1],
  seed: [-(2 ** 31), 2 ** 31 - 1],
  timeoutMs: [1, 600_000],
  stateTimeoutMs: [1, 600_000],
  pactTimeoutMs: [1, 2 ** 31 - 1],
  concurrency: [1, 256],
  maxBodyBytes: [1, 2 ** 30],
  maxDurationMs: [1, 2 ** 31 - 1],
  maxBackoffMs: [0, 600_000],
  waitBudgetMs: [0, 2 ** 31 - 1],
  shrinkMs: [0, 600_000],
  existingFixtures: [0, 1000],
  maxTimeMs: [1, 2 ** 31 - 1],
  confirm: [0, 100],
  randomSeeds: [1, 1000],
} as const satisfies Readonly<Record<string, readonly [number, number]>>;

/** A fresh seed when none is given: printed, so any run can be replayed. */
export const randomSeed = (): number => randomInt(0, 2 ** 31 - 1);

function checkRanges(options: Readonly<Record<string, unknown>>): void {
  for (const [name, [min, max]] of Object.entries(INTEGER_RANGES)) {
    const value = options[name];
    if (value !== undefined && (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max)) {
      throw new ConfigurationError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
    }
  }
}

/**
 * The complete options of a run: defaults filled in (a random seed, `pacts/` or the shipped pacts), ranges and
 * check ids and a replay path checked (a ConfigurationError, exit 2, before anything starts). Resolving a resolved object changes nothing.
 */
export function resolveVerifyOptions(options: VerifyOptions = {}): ResolvedVerifyOptions {
  checkRanges(options as Readonly<Record<string, unknown>>);
  if (options.baseUrl !== undefined) checkProviderUrl(options.baseUrl, 'the base URL (--base-url, baseUrl)');
  if (options.stateUrl !== undefined) checkProviderUrl(options.stateUrl, 'the state URL (--state-url, stateUrl)');
  const seed = options.seed ?? randomSeed();
  // A malformed replay path is refused before any provider is started, state set up or request sent.
  if (options.path !== undefined) assertReplayPath(seed, options.path);
  if (options.failOnDrift === true && options.nextContract === undefined) throw new ConfigurationError('failOnDrift (--fail-on-drift) needs the next version of the contract: nextContract (--contract-next FILE)');
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as VerifyOptions;
  return {
    ...VERIFY_DEFAULTS,
    ...defined,
    seed,
    pactsDir: options.pactsDir ?? defaultPactsDir().dir,
    fixtures: options.fixtures ?? [],
    checks: selectCheckIds(options.checks),
    skipPacts: options.skipPacts ?? options.path !== undefined,
    ...campaignOptions(options, { runs: VERIFY_DEFAULTS.runs, maxDurationMs: VERIFY_DEFAULTS.maxDurationMs, runsMax: INTEGER_RANGES.runs[1], durationMax: INTEGER_RANGES.maxDurationMs[1], failures: VERIFY_DEFAULTS.failures }),
    headers: resolveExtraHeaders(options.headers),
  };
}
