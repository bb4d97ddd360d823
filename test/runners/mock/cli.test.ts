import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { BIN, runCli, type CliRun } from '../../helpers/cli.js';
import { API_KEY, removeTemp, tempDir } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/pacts/', import.meta.url));

/** Runs `mock`, sends one PATCH to the URL it prints, then SIGTERMs it; resolves with the run and the PATCH status. */
function mockOnce(args: readonly string[]): Promise<CliRun & { status?: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'mock', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let status: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      const before = stdout;
      stdout += chunk.toString('utf8');
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (!url || /listening on/.test(before)) return;
      void fetch(`${url}/api/v1/customers/acme/integrations/int-1`, {
        method: 'PATCH', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' }, body: '{"syncedEntityId":"cus_cli"}',
      }).then((response) => {
        status = response.status;
      }).finally(() => child.kill('SIGTERM'));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ...(status === undefined ? {} : { status }) });
    });
  });
}

/** `stigg-contract mock ...` in this process, output buffered (the shared test runner of the CLI). */
const inProcess = (args: readonly string[]): Promise<CliRun> => runCli(['mock', ...args]);

describe('runners/mock: the `stigg-contract mock` command', function () {
  this.timeout(20_000);
  let busy: Server;
  let log = '';
  const runs = new Map<string, Promise<CliRun & { status?: number }>>();
  const result = (name: string): Promise<CliRun & { status?: number }> => runs.get(name) ?? Promise.reject(new Error(name));

  before(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const busyPort = (busy.address() as { port: number }).port;
    const dir = await tempDir();
    log = join(dir, 'mock.log');
    // Every process starts at once: the suite then takes about one start-up.
    runs.set('serve', mockOnce(['--port', '0', '--log', log, '--seed', '5']));
    runs.set('port in use', runCli(['mock', '--port', String(busyPort)]));
    runs.set('malformed pacts', runCli(['mock', '--pacts', join(FIXTURES, 'malformed.json')]));
    // The rest fail before listening, so they run in this process (same code path, no start-up cost).
    runs.set('other provider', inProcess(['--pacts', join(FIXTURES, 'other-provider.json')]));
    runs.set('missing pacts', inProcess(['--pacts', join(dir, 'nowhere')]));
    runs.set('bad seed', inProcess(['--seed', 'abc']));
    runs.set('bad port', inProcess(['--port', '70000']));
  });
  after(async () => {
    await Promise.allSettled(runs.values());
    await new Promise<void>((resolve) => busy.close(() => resolve()));
    await removeTemp();
  });

  it('prints the URL, answers, logs the request, and exits 0 on SIGTERM; the key is on neither stdout nor the log', async () => {
    const run = await result('serve');
    expect(run.code, run.stderr).to.equal(0);
    expect(run.status).to.equal(200);
    expect(run.stdout).to.match(/listening on http:\/\/127\.0\.0\.1:\d+/).and.contain('seed:       5');
    expect(run.stderr).to.contain('stopped on SIGTERM after 1 request(s)');
    const text = await readFile(log, 'utf8');
    expect(text.trim().split('\n')).to.have.length(1);
    expect(JSON.parse(text)).to.deep.include({ verdict: 'valid', index: 0 });
    expect(run.stdout + run.stderr + text).to.not.contain(API_KEY);
  });

  it('exits 2 with a clear message when it cannot start', async () => {
    const expectations: [string, RegExp][] = [
      ['port in use', /cannot listen on 127\.0\.0\.1:\d+: the port is already in use/],
      ['malformed pacts', /malformed\.json: not JSON/],
      ['other provider', /a pact for provider "billing-api", not "stigg-api"/],
      ['missing pacts', /nowhere: cannot read/],
      ['bad seed', /--seed must be an integer/],
      ['bad port', /--port must be an integer from 0 to 65535/],
    ];
    for (const [name, message] of expectations) {
      const run = await result(name);
      expect(run.code, `${name}: ${run.stderr}`).to.equal(2);
      expect(run.stderr, name).to.match(message);
    }
  });
});
