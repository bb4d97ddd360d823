/**
 * Turns the `verify` command's broker flags into the broker part of @pact-foundation/pact's VerifierOptions,
 * checked up front (pact-js' own advice: configuration is checked before the run, not halfway through it).
 * The Verifier then asks the broker's pacts-for-verification endpoint which pacts to verify, fetches each one,
 * and (with --publish-results) POSTs the results to each pact's `pb:publish-verification-results` link.
 * https://github.com/pact-foundation/pact_broker/blob/master/lib/pact_broker/doc/views/provider-pacts-for-verification.markdown
 * https://docs.pact.io/pact_broker/advanced_topics/consumer_version_selectors
 */
import type { VerifierOptions } from '@pact-foundation/pact';
import { ConfigurationError } from '../../errors.js';
import { brokerConfigFrom } from './config.js';

/** The flags as commander hands them over (`--provider-version` → providerVersion, ...). */
export interface BrokerVerificationFlags {
  readonly brokerUrl?: string | undefined;
  readonly providerVersion?: string | undefined;
  readonly providerBranch?: string | undefined;
  readonly consumerVersionSelectors?: string | undefined;
  readonly enablePending?: boolean | undefined;
  readonly includeWipPactsSince?: string | undefined;
  readonly publishResults?: boolean | undefined;
}

/** One consumer version selector, as the Verifier takes it. */
export type ConsumerVersionSelector = NonNullable<VerifierOptions['consumerVersionSelectors']>[number];

/** The broker part of the Verifier's options; spread it into `new Verifier({ providerBaseUrl, ...this })`. */
export type BrokerVerificationOptions = Required<Pick<VerifierOptions, 'pactBrokerUrl' | 'provider' | 'consumerVersionSelectors' | 'enablePending'>> &
  Pick<VerifierOptions, 'includeWipPactsSince' | 'publishVerificationResult' | 'providerVersion' | 'providerVersionBranch' | 'pactBrokerToken' | 'pactBrokerUsername' | 'pactBrokerPassword'>;

/** The flag declarations, as data, for the command that verifies from a broker (commander: `.option(flags, description)`). */
export const BROKER_VERIFICATION_FLAGS: readonly { readonly flags: string; readonly description: string }[] = [
  { flags: '--broker-url <url>', description: 'verify the pacts a Pact Broker selects (default: PACT_BROKER_BASE_URL; credentials from PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD)' },
  { flags: '--provider-version <version>', description: 'the provider version the results belong to (the git SHA); required with --publish-results' },
  { flags: '--provider-branch <branch>', description: 'the provider branch (decides pending status; enables the matchingBranch selector)' },
  { flags: '--consumer-version-selectors <json>', description: 'JSON array of consumer version selectors (default: [{"mainBranch":true},{"deployedOrReleased":true}], plus {"matchingBranch":true} with --provider-branch)' },
  { flags: '--enable-pending', description: 'pending pacts (not yet verified by this provider branch) report failures without failing the run' },
  { flags: '--include-wip-pacts-since <date>', description: 'also verify work-in-progress pacts published since DATE (YYYY-MM-DD or ISO 8601); needs --enable-pending' },
  { flags: '--publish-results', description: 'publish the verification results to the broker (CI only)' },
];

const TRUE_ONLY = ['mainBranch', 'matchingBranch', 'deployed', 'released', 'deployedOrReleased'] as const;
const STRINGS = ['branch', 'tag', 'fallbackTag', 'consumer', 'environment'] as const;
const KNOWN: readonly string[] = [...TRUE_ONLY, ...STRINGS, 'latest'];

function checkSelector(value: unknown, index: number): ConsumerVersionSelector {
  const where = `--consumer-version-selectors[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0) {
    throw new ConfigurationError(`${where} must be a non-empty JSON object, like {"mainBranch":true}`);
  }
  const selector = value as Record<string, unknown>;
  for (const key of Object.keys(selector)) {
    // The Verifier's native core drops keys it does not know, which would silently widen the selection.
    if (!KNOWN.includes(key)) throw new ConfigurationError(`${where} has unknown key ${JSON.stringify(key)}; known keys: ${KNOWN.join(', ')}`);
  }
  for (const key of TRUE_ONLY) {
    if (key in selector && selector[key] !== true) throw new ConfigurationError(`${where}.${key} can only be true (the broker's documented rule)`);
  }
  for (const key of STRINGS) {
    if (key in selector && (typeof selector[key] !== 'string' || (selector[key] as string).trim() === '')) throw new ConfigurationError(`${where}.${key} must be a non-empty string`);
  }
  if ('latest' in selector && typeof selector['latest'] !== 'boolean') throw new ConfigurationError(`${where}.latest must be true or false`);
  return selector as ConsumerVersionSelector;
}

/** Parses `--consumer-version-selectors`: a JSON array of selectors (a single object is taken as one). */
export function parseConsumerVersionSelectors(json: string): ConsumerVersionSelector[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new ConfigurationError(`--consumer-version-selectors is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  if (list.length === 0) throw new ConfigurationError('--consumer-version-selectors must list at least one selector');
  return list.map(checkSelector);
}

/** Checks `--include-wip-pacts-since`: a real calendar date, `YYYY-MM-DD` or an ISO 8601 date-time. */
export function parseWipDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/.exec(text.trim());
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = match !== null && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || Number.isNaN(Date.parse(text.trim()))) {
    throw new ConfigurationError(`--include-wip-pacts-since must be a date like 2024-06-01 or 2024-06-01T00:00:00Z, got ${JSON.stringify(text.slice(0, 60))}`);
  }
  return text.trim();
}

/** The selectors the Pact docs recommend for a provider's own build. */
export function defaultSelectors(providerBranch: string | undefined): ConsumerVersionSelector[] {
  const selectors: ConsumerVersionSelector[] = [{ mainBranch: true }, { deployedOrReleased: true }];
  return providerBranch === undefined ? selectors : [...selectors, { matchingBranch: true }];
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw new ConfigurationError(`${flag} must not be empty`);
  return value?.trim();
}

/** Flags (+ credentials from `env`) → Verifier options for `provider`; anything unusable is a ConfigurationError. */
export function brokerVerificationOptions(provider: string, flags: BrokerVerificationFlags, env: NodeJS.ProcessEnv): BrokerVerificationOptions {
  if (provider.trim() === '') throw new ConfigurationError('the provider name must not be empty');
  const { baseUrl, auth } = brokerConfigFrom(flags, env);
  const providerVersion = nonEmpty(flags.providerVersion, '--provider-version');
  const providerBranch = nonEmpty(flags.providerBranch, '--provider-branch');
  if (flags.publishResults === true && providerVersion === undefined) {
    throw new ConfigurationError('--publish-results needs --provider-version (the provider git SHA the results belong to)');
  }
  const selectors = flags.consumerVersionSelectors !== undefined ? parseConsumerVersionSelectors(flags.consumerVersionSelectors) : defaultSelectors(providerBranch);
  if (providerBranch === undefined && selectors.some((s) => s.matchingBranch === true)) {
    throw new ConfigurationError('the matchingBranch selector needs --provider-branch');
  }
  const wip = flags.includeWipPactsSince !== undefined ? parseWipDate(flags.includeWipPactsSince) : undefined;
  if (wip !== undefined && flags.enablePending !== true) {
    throw new ConfigurationError('--include-wip-pacts-since needs --enable-pending: work-in-progress pacts are pending by definition');
  }
  return {
    pactBrokerUrl: baseUrl,
    provider,
    consumerVersionSelectors: selectors,
    enablePending: flags.enablePending === true,
    ...(wip !== undefined ? { includeWipPactsSince: wip } : {}),
    ...(flags.publishResults === true ? { publishVerificationResult: true } : {}),
    ...(providerVersion !== undefined ? { providerVersion } : {}),
    ...(providerBranch !== undefined ? { providerVersionBranch: providerBranch } : {}),
    ...(auth?.kind === 'token' ? { pactBrokerToken: auth.token } : {}),
    ...(auth?.kind === 'basic' ? { pactBrokerUsername: auth.username, pactBrokerPassword: auth.password } : {}),
  };
}
