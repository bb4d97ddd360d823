/** Starts the contract mock server: validates every request, answers from the contract (or pacts), logs each exchange. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contractFacts } from '../../checks/index.js';
import type { RunListener } from '../../events/index.js';
import { buildPath, templateParams } from '../../contract/path.js';
import { ConfigurationError } from '../../errors.js';
import type { OperationContract } from '../../validators/index.js';
import { responseBodies } from './bodies.js';
import { driftPlan, type DriftPlan } from './drift.js';
import type { MockContext } from './decide.js';
import { Drills } from './drills.js';
import { exchangeHandler } from './serve-exchange.js';
import { answerUnparsable } from './http-io.js';
import { ConformanceLog } from './log-file.js';
import type { LogEntry } from './log.js';
import type { PactResponder } from './pact-responder.js';
import { DEFAULT_MOCK_SEED, isRunSeed } from './seed.js';

/** How to run the mock. */
export interface MockServerOptions {
  readonly contract: OperationContract;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1: the mock is for a client's tests, not for the network. */
  readonly host?: string;
  /** The run seed (default DEFAULT_MOCK_SEED): request n's response is generated with `responseSeed(seed, n)`. */
  readonly seed?: number;
  /** Answer from these pact interactions where one matches (see loadPactResponder). */
  readonly pacts?: PactResponder;
  /** Append the conformance log (JSON lines) to this file. */
  readonly logFile?: string;
  /** Also hand each log entry to this function (tests, embedders), after it is written. */
  readonly onExchange?: (entry: LogEntry) => void;
  /** Run events: `onClientExchange` for each request, after its log line is written. */
  readonly listener?: RunListener;
  /** Request bodies above this many bytes get 400 unread; default 1 MiB. */
  readonly bodyLimitBytes?: number;
  /** Answer this fraction (0..1) of valid requests with a documented error, in turn (see drills.ts); default 0. */
  readonly drill?: number;
  /** The next version of the contract: successes also serve the values only it allows (drift.ts, bodies.ts). */
  readonly next?: OperationContract;
}

/** A running mock. `url` is the base URL: append the operation path to it. */
export interface MockServer {
  readonly url: string;
  readonly port: number;
  readonly seed: number;
  /** With `next`: the values only the next version allows that successes serve, and the changes it cannot serve. */
  readonly drift?: DriftPlan;
  /** How many requests it has seen (the next request's index). */
  readonly requests: number;
  /** The operation URL for a customer and integration, each percent-encoded as one path segment. */
  operationUrl(customerId: string, integrationId: string): string;
  /** Stops listening, drops open connections, finishes the log; rejects if a log line could not be written. */
  close(): Promise<void>;
}

/** The default body cap: far above any valid body (the largest is a few KB), far below a memory problem. */
export const DEFAULT_MOCK_BODY_LIMIT_BYTES = 2 ** 20;

function checkOptions(port: number, seed: number, bodyLimitBytes: number, drill: number): void {
  if (!(drill >= 0 && drill <= 1)) throw new ConfigurationError(`drill must be a fraction from 0 to 1, got ${drill}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigurationError(`port must be an integer from 0 to 65535, got ${port}`);
  if (!isRunSeed(seed)) throw new ConfigurationError(`seed must be an integer from ${-(2 ** 31)} to ${2 ** 31 - 1}, got ${seed}`);
  if (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes < 1) throw new ConfigurationError(`bodyLimitBytes must be a positive integer, got ${bodyLimitBytes}`);
}

async function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<number> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    const reason = (error as { code?: string }).code === 'EADDRINUSE' ? 'the port is already in use' : (error as Error).message;
    throw new ConfigurationError(`cannot listen on ${host}:${port}: ${reason}`, { cause: error });
  }
  return (server.address() as AddressInfo).port;
}

/** Starts the mock; rejects with ConfigurationError on bad options, an unopenable log, or a port it cannot bind. */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const { contract, port = 0, host = '127.0.0.1', seed = DEFAULT_MOCK_SEED, bodyLimitBytes = DEFAULT_MOCK_BODY_LIMIT_BYTES } = options;
  checkOptions(port, seed, bodyLimitBytes, options.drill ?? 0);
  const facts = contractFacts(contract);
  const drills = options.drill ? new Drills(facts, options.drill) : undefined;
  const drift = options.next === undefined ? undefined : driftPlan(contract, options.next);
  const bodies = responseBodies(contract, facts, seed, drift?.values);
  const ctx: MockContext = { contract, facts, bodies, pacts: options.pacts, drills, bodyLimitBytes, ...(options.next === undefined ? {} : { next: options.next }) };
  const log = options.logFile === undefined ? undefined : await ConformanceLog.open(options.logFile);
  const { onExchange, listener } = options;
  const serve = exchangeHandler(ctx, { seed, log, onExchange: (entry) => void (onExchange?.(entry), listener?.onClientExchange?.(entry)) });
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, serve);
  // Any Expect value other than 100-continue would get Node's automatic 417, an undocumented status.
  server.on('checkExpectation', serve);
  server.on('clientError', answerUnparsable);
  let bound: number;
  try {
    bound = await listen(server, port, host);
  } catch (error) {
    await log?.close();
    throw error;
  }
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  const template = contract.operation.pathTemplate;
  const names = templateParams(template);
  return {
    url,
    port: bound,
    seed,
    ...(drift === undefined ? {} : { drift }),
    get requests() {
      return serve.count();
    },
    operationUrl: (customerId, integrationId) => url + buildPath(template, { [names[0] ?? '']: customerId, [names[1] ?? '']: integrationId }),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await serve.settled();
      await log?.close();
    },
  };
}
