import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { BIN as bin, cleanEnv, runCli } from '../helpers/cli.js';
import { API_KEY } from './helpers.js';

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns the real CLI; `onStdout` may act on output as it arrives (e.g. send a request, then SIGTERM). */
function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}, onStdout?: (text: string, kill: (signal: NodeJS.Signals) => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, (signal) => child.kill(signal));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Serves, sends one PATCH to the printed URL, then stops the process with `signal`. */
function serveOnce(signal: NodeJS.Signals, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run & { status?: number }> {
  let status: number | undefined;
  let sent = false;
  return cli(['serve', '--port', '0', ...args], env, (text, kill) => {
    const url = /listening on (http:\/\/\S+)/.exec(text)?.[1];
    if (!url || sent) return;
    sent = true;
    void fetch(`${url}/api/v1/customers/globex/integrations/int-snowflake-01`, {
      method: 'PATCH',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: '{"syncedEntityId":"from-cli-test"}',
    })
      .then((response) => {
        status = response.status;
      })
      .finally(() => kill(signal));
  }).then((run) => (status === undefined ? run : { ...run, status }));
}

describe('provider: the `stigg-contract serve` command (a black box for serving and signals)', function () {
  this.timeout(20_000);
  let busy: Server;
  let busyPort = 0;
  const runs = new Map<string, Promise<Run & { status?: number }>>();

  before(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as { port: number }).port;
    // Every process starts at once: the suite then takes about one start-up, not seven.
    runs.set('sigterm', serveOnce('SIGTERM', ['--api-key', API_KEY]));
    runs.set('sigint-env', serveOnce('SIGINT', ['--rate-limit', '100/s'], { STIGG_API_KEY: API_KEY }));
    // The refusals happen before listening: they run in this process (same code path, no start-up cost).
    const inProcess = (args: string[]) => runCli(args).then((run) => ({ ...run, signal: null }));
    runs.set('no key', inProcess(['serve']));
    runs.set('port abc', inProcess(['serve', '--api-key', 'k', '--port', 'abc']));
    runs.set('port 70000', inProcess(['serve', '--api-key', 'k', '--port', '70000']));
    runs.set('rate abc', inProcess(['serve', '--api-key', 'k', '--rate-limit', 'abc']));
    runs.set('rate 0/s', inProcess(['serve', '--api-key', 'k', '--rate-limit', '0/s']));
    runs.set('port in use', inProcess(['serve', '--api-key', 'k', '--port', String(busyPort)]));
  });
  after(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  const result = (name: string): Promise<Run & { status?: number }> => runs.get(name) ?? Promise.reject(new Error(name));

  it('prints the URL and the state-change URL (never the key), answers, and exits 0 on SIGTERM', async () => {
    const run = await result('sigterm');
    expect(run.status, run.stderr).to.equal(200);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/listening on http:\/\/127\.0\.0\.1:\d+\n/);
    expect(run.stdout).to.match(/state change: +POST http:\/\/127\.0\.0\.1:\d+\/_pact\/provider-states/);
    expect(run.stdout + run.stderr).not.to.include(API_KEY);
  });

  it('takes the key from STIGG_API_KEY, and exits 0 on SIGINT', async () => {
    const run = await result('sigint-env');
    expect(run.status, run.stderr).to.equal(200);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.include('from STIGG_API_KEY').and.include('100 requests/s');
    expect(run.stdout + run.stderr).not.to.include(API_KEY);
  });

  const refusals: readonly [string, string][] = [
    ['no key', 'STIGG_API_KEY'],
    ['port abc', '--port'],
    ['port 70000', '--port'],
    ['rate abc', '--rate-limit'],
    ['rate 0/s', '--rate-limit'],
    ['port in use', 'already in use'],
  ];
  for (const [name, mention] of refusals) {
    it(`exits 2 with a clear message: ${name}`, async () => {
      const run = await result(name);
      expect(run.code, run.stdout + run.stderr).to.equal(2);
      expect(run.stderr).to.include(mention);
      expect(run.stdout).not.to.include('listening');
    });
  }
});
