/**
 * verify's flags: one row per option of the library's `verify()` (typed by its VerifyOptions) and per output only the
 * CLI writes. The command's flags, `--help` and parsing come from this table; defaults and ranges come from the
 * library (runners/verify/options.ts), so adding a flag is adding a row.
 */
import { CHECK_IDS } from '../../checks/ids.js';
import { ConfigurationError } from '../../errors.js';
import { INTEGER_RANGES, VERIFY_DEFAULTS, type VerifyOptions } from '../../runners/verify/options.js';
import { formatDuration, parseDuration, parseInteger, type Flag, type FlagTable } from '../flags.js';
import { parseShard } from '../../runners/verify/campaign/shard.js';
import { parseReports, type ReportTargets } from '../report-targets.js';

/** What only the CLI does with a run: where it writes, what it reads the contract from, how it prints. */
export interface VerifyCliOutputs {
  readonly report?: ReportTargets;
  readonly saveFailures?: string;
  readonly log?: string;
  readonly contract?: string;
  readonly operation?: string;
  /** The next version's file, opened with the same `--operation` into the library's `nextContract`. */
  readonly contractNext?: string;
  readonly color?: boolean;
}

type Ranged = keyof typeof INTEGER_RANGES;
const range = (option: Ranged): readonly [number, number] => INTEGER_RANGES[option];

/** An integer flag whose range is the library option's. */
const integer = (option: Ranged, flags: string, description: string, shown = true): Flag<number> => ({
  flags, description, parse: (value, flag) => parseInteger(value, flag, range(option)[0], range(option)[1]),
  ...(shown && option in VERIFY_DEFAULTS ? { shownDefault: String(VERIFY_DEFAULTS[option as keyof typeof VERIFY_DEFAULTS]) } : {}),
});

/** A duration flag (`10m`) for an option in ms, its range and default (when it has one) the library option's. */
const duration = (option: Ranged, flags: string, description: string): Flag<number> => ({
  flags, description, parse: (value, flag) => parseDuration(value, flag, range(option)[0], range(option)[1]),
  ...(option in VERIFY_DEFAULTS ? { shownDefault: formatDuration(VERIFY_DEFAULTS[option as keyof typeof VERIFY_DEFAULTS] as number) } : {}),
});

const text = (flags: string, description: string): Flag<string> => ({ flags, description, parse: (value) => value });

/** `--checks a,b`: at least one id (an unknown one is refused by the library, with the valid ids). */
function checkIds(value: string, flag: string): string {
  if (value.split(',').every((id) => id.trim() === '')) throw new ConfigurationError(`${flag} needs at least one check id; valid ids: ${CHECK_IDS.join(', ')}`);
  return value;
}

/** Every verify option and CLI output, in `--help` order. */
export const VERIFY_FLAGS: FlagTable<VerifyOptions & VerifyCliOutputs> = {
  baseUrl: text('--base-url <url>', 'provider base URL, without credentials in it (default: start the bundled reference provider in-process)'),
  apiKey: text('--api-key <key>', 'API key for the provider (default: STIGG_API_KEY, the better place for it: see below; a random one for the embedded provider)'),
  stateUrl: text('--state-url <url>', 'provider-state change URL (POST {state, params, action}), without credentials in it; enables pacts and data-dependent checks'),
  headers: { flags: '--header <name: value>', description: 'a header a gateway in front of the provider needs (a tenant, its own auth: \'Authorization: Basic …\' rather than user:password@ in a URL), sent with every request and state change, redacted like the key (repeatable); not one the contract documents', repeatable: true },
  fixtures: { flags: '--fixture <customer/integration>', description: 'existing data to aim valid requests at (repeatable)', repeatable: true },
  pactsDir: text('--pacts <dir>', 'directory of pact files to verify (default: pacts/, else the pacts shipped with stigg-contract)'),
  runs: integer('runs', '--runs <n>', 'generated cases in the random phase'),
  seed: integer('seed', '--seed <n>', 'fast-check seed (default: random, printed first)'),
  path: text('--path <path>', 'with --seed: replay exactly one case (as printed in a finding)'),
  timeoutMs: integer('timeoutMs', '--timeout <ms>', 'per-request deadline, body included'),
  stateTimeoutMs: duration('stateTimeoutMs', '--state-timeout <time>', 'deadline of one state change (POST to --state-url), apart from --timeout; a failed teardown is tried twice more, then reported as a provider-state problem (phase 1: Pact\'s verifier gets the longer of the two deadlines)'),
  concurrency: integer('concurrency', '--concurrency <n>', 'requests in flight'),
  maxDurationMs: duration('maxDurationMs', '--max-duration <time>', 'hard cap: stop sending after this long (90s, 10m, 2h); the report says STOPPED with the cases not run and gives no verdict (exit 2 without a violation) (with --max-time: --max-time plus 10m unless given, and never below it)'),
  waitBudgetMs: duration('waitBudgetMs', '--wait-budget <time>', 'all waits for 429 answers together (as Retry-After says, 5s at most each): past it the run stops, and without a violation it gives no verdict (exit 2)'),
  pactTimeoutMs: duration('pactTimeoutMs', '--pact-timeout <time>', 'limit of the pact phase: Pact\'s verifier is stopped past it, the report says so (no verdict on the pacts) and phase 2 goes on'),
  maxTimeMs: duration('maxTimeMs', '--max-time <time>', 'fuzz for a time budget (30s, 10m, 2h): the systematic phase in full, then random cases (new seeds per epoch) until this long after the first case; --runs, if given, still caps them. Not a stop: the run ends normally'),
  shard: { flags: '--shard <i/n>', description: 'run shard i of n (numbered from 1): each systematic case and each provider state belongs to one shard, the random phase of shard i uses --seed plus i-1; merge the shards\' JSON reports with `stigg-contract report merge`', parse: (value) => parseShard(value) },
  failures: { flags: '--failures <dir>', description: 'the failure database: every minimal failing request, replayed first on every run, written as findings appear', shownDefault: VERIFY_DEFAULTS.failures, parse: (value) => value, negation: 'no failure database: replay none, write none' },
  failuresFrom: text('--failures-from <dir>', 'a read-only failure database (e.g. restored from a CI cache): replayed too, never written'),
  keepFixed: { flags: '--keep-fixed', description: 'keep failure database entries that now pass, marked fixed (default: pruned after a passing replay)' },
  confirm: integer('confirm', '--confirm <n>', 'send each finding again n times: reproducible (n of n) or flaky (k of n); 0 to skip'),
  checks: { flags: '--checks <ids>', description: `comma-separated checks to run (default: all): ${CHECK_IDS.join(', ')}`, parse: checkIds },
  report: { flags: '--report <targets>', description: 'write reports: junit=FILE,json=FILE', parse: parseReports },
  strictContract: { flags: '--strict-contract', description: 'contract defects fail the run too' },
  saveFailures: text('--save-failures <dir>', 'write a ready-to-run mocha regression test per finding'),
  log: text('--log <file>', 'write an NDJSON traffic log (request, response, verdict per line; key redacted)'),
  contract: text('--contract <file>', 'OpenAPI 3.0 document (default: the shipped Stigg contract)'),
  operation: text('--operation <id>', 'operationId or "METHOD /path" when the document has several operations'),
  contractNext: text('--contract-next <file>', 'the next version of the contract: findings it allows are reported as contract drift, not violations (requests and data still come from --contract)'),
  failOnDrift: { flags: '--fail-on-drift', description: 'with --contract-next: contract drift fails the run too' },
  color: { flags: '--no-color', description: 'no ANSI colours in the console report' },
  // Set from the broker flags (BROKER_VERIFICATION_FLAGS) and the environment, not by a flag of its own.
  broker: null,
  // Opened from --contract-next.
  nextContract: null,
  // Implied by --path (a replay verifies no pacts).
  skipPacts: null,
  // Library only: limits no user has needed to move (the README lists them with their defaults).
  maxBodyBytes: null,
  maxBackoffMs: null,
  shrinkMs: null,
  existingFixtures: null,
  systematic: null,
  // Library only: what the n shards of --shard i/n run together, in one process (the CLI spreads them over machines).
  randomSeeds: null,
  // The CLI's own Ctrl+C handling sets it.
  signal: null,
};
