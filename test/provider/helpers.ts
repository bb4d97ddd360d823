/** Test helpers for the reference provider: plain HTTP, no harness code. */
import { expect } from 'chai';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { startReferenceProvider, type ReferenceProvider, type ReferenceProviderOptions } from '../../src/provider/index.js';

export const API_KEY = 'test-key-9f2c';
export const OPERATION = (customer: string, integration: string): string => `/api/v1/customers/${customer}/integrations/${integration}`;

/** Starts a provider on a free loopback port with the test key. */
export function start(options: Partial<ReferenceProviderOptions> = {}): Promise<ReferenceProvider> {
  return startReferenceProvider({ apiKey: API_KEY, ...options });
}

/** A response read to its end, body parsed as JSON when it is JSON. */
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  readonly json: unknown;
}

function toReply(status: number, headers: Readonly<Record<string, string>>, text: string): Reply {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status, headers, text, json };
}

/** PATCHes `path` (used as given, already encoded) with a JSON body and the test key unless headers say otherwise. */
export async function patch(provider: ReferenceProvider, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(provider.url + path, {
    method: 'PATCH',
    headers: { 'x-api-key': API_KEY, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return toReply(response.status, Object.fromEntries(response.headers), await response.text());
}

/** Any request through node:http: exact path, exact headers (none added), body as bytes. */
export function send(
  provider: ReferenceProvider,
  options: { method?: string; path: string; headers?: Record<string, string | number>; body?: Buffer | string; chunks?: readonly Buffer[] },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: provider.port, method: options.method ?? 'PATCH', path: options.path, headers: options.headers ?? {}, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(toReply(response.statusCode ?? 0, flatten(response.headers), Buffer.concat(chunks).toString('utf8'))));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    for (const chunk of options.chunks ?? []) request.write(chunk);
    request.end(options.body);
  });
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}

/** Writes raw bytes on a fresh socket and parses the first response (for requests no client library would send). */
export function raw(provider: ReferenceProvider, bytes: Buffer | string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = connect(provider.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = (): void => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      const length = Number(headers['content-length'] ?? Number.NaN);
      const body = rest.join('\r\n\r\n');
      resolve(toReply(Number(statusLine.split(' ')[1]), headers, Number.isNaN(length) ? body : Buffer.from(body).subarray(0, length).toString('utf8')));
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const length = /content-length:\s*(\d+)/i.exec(text.slice(0, split));
      if (split !== -1 && length && Buffer.byteLength(text.slice(split + 4)) >= Number(length[1])) {
        socket.destroy();
        finish();
      }
    });
    socket.on('end', finish);
    socket.on('error', reject);
    socket.write(bytes);
  });
}

/** Asserts the documented error shape: JSON content type, exactly `{message, code}`, the status and the code. */
export function expectError(reply: Reply, status: number, code: string, messageIncludes: readonly string[] = []): void {
  expect(reply.status, reply.text).to.equal(status);
  expect(reply.headers['content-type']).to.equal('application/json; charset=utf-8');
  expect(reply.json).to.be.an('object').that.has.all.keys('message', 'code');
  const { message, code: actual } = reply.json as { message: unknown; code: unknown };
  expect(actual, reply.text).to.equal(code);
  expect(message).to.be.a('string').that.is.not.empty;
  for (const part of messageIncludes) expect(message).to.include(part);
}

/** Asserts a 200 with `{data: record}` (all four keys, syncData null when none). */
export function expectRecord(reply: Reply, record: { id: string; vendorIdentifier: string; syncedEntityId: string | null; syncData: unknown }): void {
  expect(reply.status, reply.text).to.equal(200);
  expect(reply.headers['content-type']).to.equal('application/json; charset=utf-8');
  expect(reply.json).to.deep.equal({ data: record });
}

/** Runs a provider-state change over HTTP. */
export async function state(provider: ReferenceProvider, body: unknown): Promise<Reply> {
  const response = await fetch(provider.stateUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return toReply(response.status, Object.fromEntries(response.headers), await response.text());
}
