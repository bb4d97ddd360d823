/**
 * Running the CLI in tests. `runCli` runs it in this process through `runCli` of src/cli/main.ts with buffered
 * streams (no start-up cost); `spawnCli` runs the built package's bin (dist/cli/bin.js) as a user would, for the one
 * black-box test each command keeps. Both see only the environment they are given plus a neutral base: ambient
 * STIGG_* and PACT_BROKER_* variables of the machine running the tests never leak in.
 */
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.js';
import { runCli as runCliInProcess } from '../../src/cli/main.js';

/** The built bin, as `npm pack` ships it (`npm test` builds before mocha runs). */
export const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

/** The repository root: the working directory unless a test says otherwise. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly input?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

/** Variables a run must not inherit from the machine: they change the defaults under test. */
const AMBIENT = /^(STIGG_|PACT_BROKER_)/;

/** The process environment without the ambient variables, plus the run's own. */
export function cleanEnv(env: CliOptions['env'] = {}): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !AMBIENT.test(name)));
  return { ...base, PACT_DO_NOT_TRACK: 'true', ...env };
}

let queue: Promise<unknown> = Promise.resolve();

/** Swaps process.env and the working directory for one run, and restores both after it. */
async function withProcessState<T>(options: CliOptions, run: () => Promise<T>): Promise<T> {
  const savedEnv = process.env;
  const savedCwd = process.cwd();
  process.env = cleanEnv(options.env);
  if (options.cwd !== undefined) process.chdir(options.cwd);
  try {
    return await run();
  } finally {
    process.env = savedEnv;
    process.chdir(savedCwd);
  }
}

/**
 * A verify run's arguments with `--no-failures` added unless the test names a failure database itself: by default
 * verify reads and writes `.stigg-contract/failures/` in the working directory, which tests share, so one test's
 * finding would be replayed by the next (a test must not depend on another's leftovers).
 */
const ownFailures = (args: readonly string[]): readonly string[] =>
  args[0] === 'verify' && !args.some((arg) => /^--(no-)?failures(-from)?(=|$)/.test(arg)) ? [...args, '--no-failures'] : args;

/**
 * Runs the CLI in this process with buffered output, stdin from `input`. Runs queue one after another: each owns
 * process.env and the working directory while it runs.
 */
export function runCli(given: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const args = ownFailures(given);
  const next = queue.then(() => withProcessState(options, async () => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      out: (text) => void (stdout += text.endsWith('\n') ? text : `${text}\n`),
      err: (text) => void (stderr += text.endsWith('\n') ? text : `${text}\n`),
      isTty: false,
      progress: { write: () => true, isTTY: false },
      stdin: Readable.from([Buffer.from(options.input ?? '')]),
    };
    const code = await runCliInProcess(['node', 'stigg-contract', ...args], io);
    return { code, stdout, stderr };
  }));
  queue = next.catch(() => undefined);
  return next;
}

/** Runs the built CLI as a child process, as a user would; bounded in time (SIGKILL after `timeoutMs`). */
export function spawnCli(given: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const args = options.cwd === undefined ? ownFailures(given) : given;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: cleanEnv(options.env), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
