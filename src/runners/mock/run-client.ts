/**
 * One CI step for a client: start the mock, run the client's command with STIGG_BASE_URL set to the mock's URL (the
 * command's own environment otherwise, its API key included), stop the mock when the command ends, and report.
 */
import { spawn } from 'node:child_process';
import { contractFacts } from '../../checks/index.js';
import { ClientReportBuilder, type ClientReport, type CommandOutcome } from './client-report.js';
import { driftPlan } from './drift.js';
import { fanOut } from '../../events/index.js';
import { startMockServer, type MockServerOptions } from './server.js';

/** The environment variable the client's command finds the mock's base URL in (the official SDKs read it). */
export const BASE_URL_VARIABLE = 'STIGG_BASE_URL';

/** The environment a client runs in. */
export type ClientEnv = Readonly<Record<string, string | undefined>>;

/** The client: a command (and how its output is passed on), or a function run in this process (a rejection fails it). */
export type ClientUnderTest =
  | { readonly command: string; readonly args: readonly string[]; readonly output: 'inherit' | ((stream: 'stdout' | 'stderr', text: string) => void) }
  | { readonly suite: (env: ClientEnv) => Promise<void> };

/** How to run a client against the mock. */
export type ClientRunOptions = MockServerOptions & ClientUnderTest & {
  /** The environment the client starts from (STIGG_BASE_URL is set on top); default process.env. */
  readonly env?: ClientEnv;
  /** Contract defects fail the run too. */
  readonly strictContract?: boolean;
  /** Write a pact of the run's valid exchanges into `dir`, for `consumer`. */
  readonly recordPact?: { readonly dir: string; readonly consumer: string };
};

/** A client run under way: the mock's URL, a way to pass a stop signal on, and the report when it is over. */
export interface ClientRun {
  readonly url: string;
  readonly seed: number;
  /** Sends the signal to the client's command (the mock stops when the command has ended). */
  stop(signal: NodeJS.Signals): void;
  readonly done: Promise<ClientReport>;
}

/** Starts the mock and the command; `done` resolves once the command has ended and the mock has stopped. */
export async function runClient(options: ClientRunOptions): Promise<ClientRun> {
  // Loaded only when asked for: the recorder brings in pact-js, which every other start of the CLI can do without.
  const recording = options.recordPact ? new (await import('./pact-recording.js')).PactRecording(options.contract, contractFacts(options.contract)) : undefined;
  // The drift values the server will serve (it works them out the same way), for the report to say which were met.
  const drift = options.next === undefined ? {} : { drift: driftPlan(options.contract, options.next) };
  const builder = new ClientReportBuilder(options.contract, { drills: (options.drill ?? 0) > 0, strictContract: options.strictContract === true, ...drift });
  // One event stream, a handler per output: the client report, the pact recording, and the caller's own listener.
  const listener = fanOut(builder, { onClientExchange: (entry) => recording?.add(entry) }, options.listener ?? {});
  const server = await startMockServer({ ...options, listener });
  const env = { ...(options.env ?? process.env), [BASE_URL_VARIABLE]: server.url };
  const { ended, stop } = 'suite' in options ? inProcess(options.suite, env) : spawned(options, env);
  const done = ended.then(async (outcome) => {
    await server.close();
    // A failing run's exchanges are no contract a provider should be held to: nothing is written, and the report says so.
    const failed = withheldBecause(outcome);
    const pact = recording && options.recordPact ? (failed ? { withheld: failed } : await recording.write(options.recordPact.dir, options.recordPact.consumer)) : undefined;
    return builder.build(outcome, pact);
  });
  return { url: server.url, seed: server.seed, stop, done };
}

/** Why no pact is recorded from a run whose command ended so, or undefined when it passed. */
function withheldBecause(outcome: CommandOutcome): string | undefined {
  if ('error' in outcome) return `the client's command did not run (${outcome.error})`;
  if (outcome.exitCode === 0 && outcome.signal === null) return undefined;
  const how = outcome.signal !== null ? `was stopped by ${outcome.signal}` : `exited ${outcome.exitCode}`;
  return `the client's command ${how}: a pact is recorded from a passing run only`;
}

type Started = { readonly ended: Promise<CommandOutcome>; readonly stop: (signal: NodeJS.Signals) => void };

function spawned(client: Extract<ClientUnderTest, { command: string }>, env: ClientEnv): Started {
  const piped = client.output !== 'inherit';
  const child = spawn(client.command, [...client.args], { env, stdio: ['inherit', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit'] });
  if (typeof client.output === 'function') {
    const forward = client.output;
    child.stdout?.on('data', (chunk: Buffer) => forward('stdout', chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => forward('stderr', chunk.toString('utf8')));
  }
  const ended = new Promise<CommandOutcome>((resolve) => {
    child.once('error', (error) => resolve({ error: `cannot run ${JSON.stringify(client.command)}: ${error.message}` }));
    child.once('close', (exitCode, signal) => resolve({ exitCode, signal }));
  });
  return { ended, stop: (signal) => void child.kill(signal) };
}

function inProcess(suite: (env: ClientEnv) => Promise<void>, env: ClientEnv): Started {
  const ended = suite(env).then(
    (): CommandOutcome => ({ exitCode: 0, signal: null }),
    (error: unknown): CommandOutcome => ({ exitCode: 1, signal: null, message: error instanceof Error ? error.message : String(error) }),
  );
  return { ended, stop: () => undefined };
}
