/** Shared by the mock server's tests: the contract (opened once), servers that close themselves, and a PATCH helper. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer, type MockServer, type MockServerOptions } from '../../../src/runners/mock/index.js';
import { openContract, type OperationContract } from '../../../src/validators/index.js';

/** A key distinctive enough that finding it anywhere in a log or on stdout is a real leak. */
export const API_KEY = 'sk_test_mock_9f8e7d6c5b4a';

let contract: Promise<OperationContract> | undefined;
/** The shipped contract, loaded once for every mock test. */
export const shippedContract = (): Promise<OperationContract> => (contract ??= openContract());

/** Starts a mock on a free loopback port; `closeAll` (in afterEach) stops every one started. */
const started: MockServer[] = [];
export async function startMock(options: Omit<MockServerOptions, 'contract'> = {}): Promise<MockServer> {
  const server = await startMockServer({ contract: await shippedContract(), ...options });
  started.push(server);
  return server;
}
export async function closeAll(): Promise<void> {
  await Promise.all(started.splice(0).map((server) => server.close()));
}

/** A fresh temporary directory, removed by `removeTemp`. */
const temps: string[] = [];
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stigg-mock-'));
  temps.push(dir);
  return dir;
}
export async function removeTemp(): Promise<void> {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** What a test needs of a response. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

export interface PatchOptions {
  /** The API key to send; null sends none. Default API_KEY. */
  readonly key?: string | null;
  /** The body text; default `{"syncedEntityId":"cus_1"}`. */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly method?: string;
}

/** Sends one request to `url` (fetch: fine for paths without dot segments) and reads the whole answer. */
export async function send(url: string, options: PatchOptions = {}): Promise<Answer> {
  const key = options.key === undefined ? API_KEY : options.key;
  const method = options.method ?? 'PATCH';
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'x-api-key': key }), ...options.headers },
    body: method === 'GET' || method === 'HEAD' ? null : (options.body ?? '{"syncedEntityId":"cus_1"}'),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The body as a record, for property assertions. */
export const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});
