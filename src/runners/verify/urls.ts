/**
 * The provider's URLs (`--base-url`, `--state-url`), checked before anything runs: http(s), and no credentials inside.
 * A URL is printed in the report's header, in every curl line, in the JSON report, in each NDJSON line and in saved
 * regression tests; credentials go in a header instead (`--header 'Authorization: Basic …'`), sent with every request
 * and redacted everywhere, as the broker commands take theirs from the environment and refuse them in a URL.
 */
import { ConfigurationError } from '../../errors.js';

/** The URL without its userinfo, for messages: the password is never echoed. */
function withoutUserinfo(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/** Checks one provider URL; `what` names it for both readers (`the base URL (--base-url, baseUrl)`). */
export function checkProviderUrl(text: string, what: string): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigurationError(`${what} must be an http(s) URL, got ${JSON.stringify(text.slice(0, 200))}`);
  }
  // Only the scheme is echoed here: the text may hold credentials.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigurationError(`${what} must be an http(s) URL, got a ${url.protocol} URL`);
  if (url.username !== '' || url.password !== '') {
    throw new ConfigurationError(`${what} must not contain credentials (${withoutUserinfo(url)} with a user and password): send them with --header 'Authorization: Basic …' (headers), which is redacted everywhere`);
  }
}
