/**
 * Where the broker is and how to authenticate: the URL from `--broker-url` or `PACT_BROKER_BASE_URL`, the
 * credentials only from the environment (`PACT_BROKER_TOKEN`, or `PACT_BROKER_USERNAME` + `PACT_BROKER_PASSWORD`),
 * the same variables the official Pact CLIs read. Credentials never come from flags: argv is visible to every
 * process on the machine and lands in CI logs.
 * https://github.com/pact-foundation/pact_broker-client#usage---cli (bearer token or basic auth)
 */
import { ConfigurationError } from '../../errors.js';
import { basicAuthSecrets } from '../../secrets.js';

/** Bearer token (PactFlow, brokers behind a token proxy) or HTTP basic auth (the OSS broker's own auth). */
export type BrokerAuth =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string };

/** A broker the harness can talk to: base URL without a trailing slash, and optional credentials. */
export interface BrokerConfig {
  readonly baseUrl: string;
  readonly auth?: BrokerAuth;
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Credentials from the environment; throws ConfigurationError when they are half set or set twice. */
export function authFromEnv(env: NodeJS.ProcessEnv): BrokerAuth | undefined {
  const token = present(env['PACT_BROKER_TOKEN']);
  const username = present(env['PACT_BROKER_USERNAME']);
  const password = present(env['PACT_BROKER_PASSWORD']);
  if (token !== undefined && (username !== undefined || password !== undefined)) {
    throw new ConfigurationError('set either PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD, not both');
  }
  if (token !== undefined) return { kind: 'token', token };
  if (username === undefined && password === undefined) return undefined;
  if (username === undefined || password === undefined) {
    throw new ConfigurationError(`basic auth needs both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD; only ${username === undefined ? 'PACT_BROKER_PASSWORD' : 'PACT_BROKER_USERNAME'} is set`);
  }
  return { kind: 'basic', username, password };
}

/** Checks a broker base URL: http(s), no credentials inside it (they would be printed), no query or fragment. */
export function normaliseBrokerUrl(text: string, source: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConfigurationError(`${source} is not a URL: ${JSON.stringify(text.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`${source} must be an http:// or https:// URL, got ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    // The URL is deliberately not echoed: it holds a secret.
    throw new ConfigurationError(`${source} must not contain credentials; set PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD or PACT_BROKER_TOKEN instead`);
  }
  if (url.search !== '' || url.hash !== '') throw new ConfigurationError(`${source} must not have a query or fragment: ${url.origin}${url.pathname}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `--broker-url` first, then `PACT_BROKER_BASE_URL`; credentials from the environment. */
export function brokerConfigFrom(flags: { readonly brokerUrl?: string | undefined }, env: NodeJS.ProcessEnv): BrokerConfig {
  const flag = present(flags.brokerUrl);
  const fromEnv = present(env['PACT_BROKER_BASE_URL']);
  if (flag === undefined && fromEnv === undefined) {
    throw new ConfigurationError('no Pact Broker: pass --broker-url URL or set PACT_BROKER_BASE_URL');
  }
  const baseUrl = flag !== undefined ? normaliseBrokerUrl(flag, '--broker-url') : normaliseBrokerUrl(fromEnv ?? '', 'PACT_BROKER_BASE_URL');
  const auth = authFromEnv(env);
  return auth === undefined ? { baseUrl } : { baseUrl, auth };
}

/** How the requests authenticate, for messages: names the variables, never shows a secret. */
export function describeAuth(auth: BrokerAuth | undefined): string {
  if (auth === undefined) return 'no credentials (PACT_BROKER_TOKEN and PACT_BROKER_USERNAME are unset)';
  return auth.kind === 'token' ? 'the bearer token in PACT_BROKER_TOKEN' : `basic auth as ${JSON.stringify(auth.username)} (PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD)`;
}

/** The secret strings that must never reach output: the token, or the password and the base64 basic-auth forms. */
export function secretsOf(auth: BrokerAuth | undefined): string[] {
  if (auth === undefined) return [];
  return auth.kind === 'token' ? [auth.token] : basicAuthSecrets(auth.username, auth.password);
}
