/**
 * A small HAL client for the Pact Broker over Node's fetch (undici): starts from the index (`GET /`) and follows
 * relations, so it works with brokers mounted under a path and fails clearly on brokers too old for a feature.
 * Every request carries the auth header; every failure becomes a TransportError (unreachable) or a BrokerError
 * (error status), with any secret scrubbed from the text before it can be printed.
 */
import { TransportError } from '../../errors.js';
import { authorizationHeader, describeAuth, secretsOf, type BrokerConfig } from './config.js';
import { BrokerError } from './errors.js';
import { expandTemplate, linksOf, relationsOf, type HalLink } from './hal.js';
import { noticesOf } from './notices.js';

/** Tuning for tests and slow brokers. */
export interface BrokerClientOptions {
  /** Give up on a request after this long (default 30 s). */
  readonly timeoutMs?: number;
}

const STATUS_HINTS: Readonly<Record<number, string>> = {
  401: 'the broker rejected the credentials',
  403: 'the broker refused access: the credentials lack the permission (a read-only token cannot publish or record)',
  404: 'the broker has no such resource',
  409: 'the broker refused a conflicting change',
};

/** Broker client: HAL navigation from the index, JSON in and out, errors mapped to the harness hierarchy. */
export class BrokerClient {
  private indexResource: Promise<unknown> | undefined;
  private readonly secrets: readonly string[];

  constructor(readonly config: BrokerConfig, private readonly options: BrokerClientOptions = {}) {
    this.secrets = secretsOf(config.auth).filter((secret) => secret.length > 0);
  }

  /** The broker's index resource, fetched once. */
  index(): Promise<unknown> {
    this.indexResource ??= this.get(`${this.config.baseUrl}/`);
    return this.indexResource;
  }

  /** The href of relation `rel` in the index, expanded; a missing relation names what the broker does offer. */
  async indexLink(rel: string, values: Readonly<Record<string, string>> = {}, feature = rel): Promise<string> {
    const index = await this.index();
    const link = linksOf(index, rel)[0];
    if (link === undefined) {
      const offered = relationsOf(index).join(', ') || 'none';
      throw new BrokerError(`the broker at ${this.config.baseUrl} has no '${rel}' link, so it cannot do ${feature} (is it too old?); it offers: ${offered}`, 0, `${this.config.baseUrl}/`);
    }
    return this.resolve(link, values);
  }

  /** An absolute URL for a link (expanding it when templated); relative hrefs resolve against the base URL. */
  resolve(link: HalLink, values: Readonly<Record<string, string>> = {}): string {
    const href = link.templated === true ? expandTemplate(link.href, values) : link.href;
    return new URL(href, `${this.config.baseUrl}/`).toString();
  }

  /** GET a JSON resource. */
  get(url: string): Promise<unknown> {
    return this.request('GET', url);
  }

  /** POST a JSON body, returning the JSON answer. */
  post(url: string, body: unknown): Promise<unknown> {
    return this.request('POST', url, body);
  }

  /** Replaces every secret in a text with a placeholder; used on anything built from broker answers. */
  redact(text: string): string {
    return this.secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
  }

  private async request(method: string, url: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/hal+json, application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.config.auth !== undefined) headers['authorization'] = authorizationHeader(this.config.auth);
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    let response: Response;
    let text: string;
    try {
      const init: RequestInit = { method, headers, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) };
      if (body !== undefined) init.body = JSON.stringify(body);
      response = await fetch(url, init);
      text = await response.text();
    } catch (error) {
      throw new TransportError(this.redact(`cannot reach the Pact Broker: ${method} ${url} failed (${reasonOf(error, timeoutMs)})`), url, { cause: error });
    }
    const parsed = parseJson(text);
    if (!response.ok) throw this.errorFor(method, url, response, parsed, text);
    if (parsed === undefined && text.trim() !== '') {
      throw new BrokerError(this.redact(`${method} ${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`), 0, url);
    }
    return parsed ?? {};
  }

  private errorFor(method: string, url: string, response: Response, parsed: unknown, text: string): BrokerError {
    const status = response.status;
    const hint = STATUS_HINTS[status] ?? (status >= 500 ? 'the broker failed' : 'the broker refused the request');
    const auth = status === 401 || status === 403 ? ` (sent ${describeAuth(this.config.auth)})` : '';
    const detail = detailOf(parsed) ?? text.trim().slice(0, 300);
    const message = `${hint}${auth}: ${method} ${url} answered ${status} ${response.statusText}${detail ? `: ${detail}` : ''}`;
    return new BrokerError(this.redact(message), status, url, noticesOf(parsed).map((n) => ({ type: n.type, text: this.redact(n.text) })));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What went wrong, from the broker's documented error shapes: `errors` (list or map of lists), error notices. */
function detailOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const errors = record['errors'];
  const lines: string[] = [];
  if (Array.isArray(errors)) lines.push(...errors.map(String));
  else if (typeof errors === 'object' && errors !== null) {
    for (const [field, value] of Object.entries(errors)) lines.push(`${field}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  } else if (typeof record['error'] === 'string') lines.push(record['error']);
  else if (typeof record['error'] === 'object' && record['error'] !== null) lines.push(String((record['error'] as Record<string, unknown>)['message'] ?? ''));
  const notices = noticesOf(body).filter((n) => n.type === 'error' || n.type === 'danger').map((n) => n.text);
  const all = [...lines, ...notices.filter((n) => !lines.some((line) => line.includes(n)))].filter((line) => line !== '');
  return all.length > 0 ? all.join('; ') : undefined;
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause !== undefined && typeof cause.code === 'string') return cause.code;
  if (cause !== undefined && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
