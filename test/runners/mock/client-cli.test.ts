import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { exitCodeOf, parseReport } from '../../../src/report/index.js';
import { BIN, cleanEnv, runCli, type CliRun } from '../../helpers/cli.js';
import { removeTemp, tempDir } from './helpers.js';

const CLIENT = fileURLToPath(new URL('../../fixtures/broken-clients/cli-client.mjs', import.meta.url));
const CANARY = 'sk_live_canary_cli_4b8d2f';
/** The client command: a small plain-JavaScript client (no loader to start), clean or updating with PUT. */
const client = (variant: string): string[] => [process.execPath, CLIENT, variant];

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `stigg-contract <args>` as a user runs it: its own process, an environment without ambient STIGG_* but the canary key. */
function blackBox(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv({ STIGG_API_KEY: CANARY }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `stigg-contract mock ...` in this process, output buffered (the shared test runner of the CLI). */
const inProcess = (args: readonly string[]): Promise<CliRun> => runCli(['mock', ...args]);

describe('runners/mock: `stigg-contract mock -- <command>` and `mock report FILE`', function () {
  this.timeout(60_000);
  let dir: string;
  const runs = new Map<string, Promise<Run>>();
  const result = (name: string): Promise<Run> => runs.get(name) ?? Promise.reject(new Error(name));
  before(async () => {
    dir = await tempDir();
    // One black-box run as a user installs it; the other in this process (the client still a process), both at once.
    runs.set('clean', blackBox(['mock', '--seed', '4', '--log', join(dir, 'clean.log'), '--', ...client('clean')]));
    runs.set('put', inProcess(['--seed', '4', '--log', join(dir, 'put.log'), '--report', `json=${join(dir, 'put.json')},junit=${join(dir, 'put.xml')}`, '--', ...client('put-method')]));
  });
  after(async () => {
    await Promise.allSettled(runs.values());
    await removeTemp();
  });

  it('passes the clean client: exit 0, the client report, and the key on neither output nor the log', async () => {
    const run = await result('clean');
    expect(run.code, run.stderr + run.stdout).to.equal(0);
    expect(run.stdout).to.contain('clean: client suite passed').and.contain('stigg-contract mock: PATCH ').and.match(/PASSED: 0 violations/);
    expect(run.stderr).to.match(/STIGG_BASE_URL=http:\/\/127\.0\.0\.1:\d+ for /);
    expect(run.stdout + run.stderr + (await readFile(join(dir, 'clean.log'), 'utf8'))).to.not.contain(CANARY);
  });

  it('fails a client that updates with PUT: exit 1, each request named with what was expected, the same from the saved log; JSON and JUnit through the shared writers', async () => {
    const run = await result('put');
    expect(run.code, run.stderr).to.equal(1);
    expect(run.stdout).to.contain('operation_addressed [violation]').and.contain('expected PATCH /api/v1/customers/{id}/integrations/{integrationId}').and.match(/FAILED: \d+ violations/);
    const json = parseReport(await readFile(join(dir, 'put.json'), 'utf8'));
    const addressed = json.checks.find((check) => check.id === 'operation_addressed');
    expect({ kind: json.kind, exit: exitCodeOf(json), failed: addressed?.failed }).to.deep.equal({ kind: 'mock', exit: 1, failed: json.totals.exchanges });
    const xml = await readFile(join(dir, 'put.xml'), 'utf8');
    expect(xml).to.match(/^<\?xml/).and.contain('<testcase classname="stigg-contract.checks" name="operation_addressed">').and.contain('<failure message="');
    const replay = await inProcess(['report', join(dir, 'put.log'), '--report', `json=${join(dir, 'replayed.json')}`]);
    expect(replay.code).to.equal(1);
    expect(replay.stdout).to.contain(`no documented operation ${addressed?.failed}`);
    // The saved log gives the same verdict: the same checks, findings and coverage (only the live run knows its URL, seed and command).
    const replayed = parseReport(await readFile(join(dir, 'replayed.json'), 'utf8'));
    expect(replayed.findings.filter((group) => group.check !== 'client_command')).to.deep.equal(json.findings.filter((group) => group.check !== 'client_command'));
    expect(replayed.coverage).to.deep.equal(json.coverage);
    expect((await inProcess(['report', join(dir, 'clean.log')])).code).to.equal(0);
  });

  it('exits 2 on a command that cannot start, a stray argument, a log that is not one, and --record-pact without its partner', async () => {
    await result('clean');
    const cases: Array<[readonly string[], RegExp]> = [
      [['--', 'stigg-no-such-command-9f2'], /cannot run "stigg-no-such-command-9f2"/],
      [['npm', 'test'], /put the client's command after --/],
      [['report', join(dir, 'nowhere.log')], /cannot read the log/],
      [['report', BIN], /bin\.js:1: not JSON/],
      [['--record-pact', dir, '--', 'true'], /--record-pact DIR and --consumer NAME go together/],
      [['--drill', '2', '--', 'true'], /--drill must be a fraction from 0 to 1/],
      [['--'], /nothing to run after --/],
    ];
    for (const [args, message] of cases) {
      const run = await inProcess(args);
      expect(run.code, args.join(' ')).to.equal(2);
      expect(run.stderr, args.join(' ')).to.match(message);
    }
  });
});

describe('runners/mock: a client command that ignores Ctrl+C', function () {
  this.timeout(60_000);

  it('the first signal goes on to the command; a second kills it, and the mock reports the client run (black box)', async () => {
    // A client suite that shrugs off SIGINT: it says so on stdout each time, and would otherwise run for a minute.
    const script = 'process.on("SIGINT", () => console.log("ignored SIGINT")); console.log("ready"); setTimeout(() => undefined, 60000);';
    const child = spawn(process.execPath, [BIN, 'mock', '--', process.execPath, '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const seen = (text: string): Promise<void> => new Promise((resolve, reject) => {
      const look = (): void => void (stdout.includes(text) && resolve());
      child.stdout.on('data', look);
      child.once('close', () => reject(new Error(`mock ended before the client printed ${JSON.stringify(text)}: ${stderr}`)));
      look();
    });
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await seen('ready');
      child.kill('SIGINT');
      await seen('ignored SIGINT');
      child.kill('SIGINT');
      const code = await exited;
      expect(stderr).to.contain('stigg-contract mock: second signal: killing the command');
      expect(stdout).to.match(/client_command/);
      expect(code, stderr).to.equal(1);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
