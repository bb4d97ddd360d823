import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { isOperation } from '../fixtures/providers/answers.js';
import { startVariantProvider, type Departure, type VariantProvider } from '../fixtures/providers/proxy.js';
import { BIN, cleanEnv, ROOT } from '../helpers/cli.js';

const KEY = 'interrupt-key';

/** A promise and the function that resolves it. */
function signalled(): { readonly reached: Promise<void>; reach(): void } {
  let reach: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => {
    reach = resolve;
  });
  return { reached, reach };
}

/** The built bin's verify against `provider`, its output collected; `exited` resolves with its exit code. */
function startVerify(provider: VariantProvider, args: readonly string[]): { child: ChildProcess; exited: Promise<number | null>; readonly stdout: string; readonly stderr: string } {
  const child = spawn(process.execPath, [BIN, 'verify', '--base-url', provider.url, '--state-url', provider.stateUrl, '--api-key', KEY, '--seed', '3', '--no-color', '--no-failures', ...args], { cwd: ROOT, env: cleanEnv(), stdio: 'pipe' });
  const run = { child, exited: new Promise<number | null>((resolve) => child.on('close', resolve)), stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => void (run.stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => void (run.stderr += chunk.toString('utf8')));
  return run;
}

/** Waits for `condition`, or fails at once when verify ended first (a test never waits on a process that is gone). */
async function before(condition: Promise<void>, run: ReturnType<typeof startVerify>): Promise<void> {
  await Promise.race([condition, run.exited.then((code) => Promise.reject(new Error(`verify ended (exit ${code}) first: ${run.stderr}`)))]);
}

/** After `answered` answers, every request to the operation hangs (a provider stuck mid-run). */
function hangsAfter(answered: number, reached: () => void, more: Partial<Departure> = {}): Departure {
  let seen = 0;
  return { ...more, request: (request) => (isOperation(request) && ++seen > answered ? (reached(), 'hang') : request) };
}

describe('cli: verify on Ctrl+C (black box, the built bin)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'verify-interrupt-'));
  const noPacts = join(dir, 'no-pacts');
  mkdirSync(noPacts);
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('cuts the requests in flight short (a 10-minute --timeout), tears down, prints and writes the partial report: INTERRUPTED, exit 130', async () => {
    const hanging = signalled();
    const provider = await startVariantProvider(hangsAfter(40, hanging.reach), KEY);
    const report = join(dir, 'report.json');
    const junit = join(dir, 'report.xml');
    const run = startVerify(provider, ['--runs', '5000', '--timeout', '600000', '--report', `json=${report},junit=${junit}`, '--pacts', noPacts]);
    try {
      await before(hanging.reached, run);
      run.child.kill('SIGINT');
      expect(await run.exited, run.stderr).to.equal(130);
      expect(run.stderr.split('\n')[0]).to.equal('verify: seed 3 (replay any finding with --seed 3 --path <its path>)');
      expect(run.stdout).to.contain('STOPPED EARLY: interrupted;').and.to.match(/\d+ planned cases not run/);
      expect(run.stdout).to.match(/^INTERRUPTED · no verdict: \d+ of \d+ planned cases judged · 0 violations, /m).and.not.to.match(/^PASSED/m);
      const written = JSON.parse(readFileSync(report, 'utf8')) as { meta: { stopped?: { reason: string; notRun: number; interrupted?: boolean } }; findings: Array<{ check: string }> };
      expect(written.meta.stopped).to.include({ reason: 'interrupted', interrupted: true });
      expect(written.meta.stopped?.notRun).to.be.greaterThan(1000);
      // The requests cut short are no findings (no deadline was reached: they were abandoned).
      expect(written.findings.filter((group) => group.check === 'not_a_server_error')).to.deep.equal([]);
      expect(readFileSync(junit, 'utf8')).to.contain('type="interrupted"');
      expect(run.stdout + run.stderr).not.to.contain(KEY);
    } finally {
      run.child.kill('SIGKILL');
      await provider.close();
    }
  });

  it('a second Ctrl+C ends it at once, while the teardown still waits on the state URL', async () => {
    const hanging = signalled();
    const tearingDown = signalled();
    const provider = await startVariantProvider(hangsAfter(40, hanging.reach, {
      stateAnswer: (change, answer) => ((change as { action?: unknown }).action === 'teardown' ? (tearingDown.reach(), 'hang') : answer),
    }), KEY);
    const report = join(dir, 'second.json');
    const run = startVerify(provider, ['--runs', '5000', '--timeout', '600000', '--report', `json=${report}`, '--pacts', noPacts]);
    try {
      await before(hanging.reached, run);
      run.child.kill('SIGINT');
      await before(tearingDown.reached, run);
      run.child.kill('SIGINT');
      expect(await run.exited, run.stderr).to.equal(130);
      expect(run.stderr).to.contain('stigg-contract: stopped at once on a second signal: no teardown, no report');
      expect(existsSync(report)).to.equal(false);
    } finally {
      run.child.kill('SIGKILL');
      await provider.close();
    }
  });
});
