import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { isOperation } from '../fixtures/providers/answers.js';
import { startVariantProvider, type VariantProvider } from '../fixtures/providers/proxy.js';
import { BIN, cleanEnv, ROOT } from '../helpers/cli.js';

const KEY = 'interrupt-key';

describe('cli: verify on Ctrl+C (black box, the built bin)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'verify-interrupt-'));
  let provider: VariantProvider;
  let answered = 0;
  let reached: () => void = () => undefined;
  const fortyAnswered = new Promise<void>((resolve) => {
    reached = resolve;
  });
  before(async () => {
    // Every answer a little late, so the run is still going when the signal comes.
    provider = await startVariantProvider({ response: (seen, answer) => {
      if (isOperation(seen) && ++answered === 40) reached();
      return { ...answer, wire: { ...answer.wire, delayMs: 20 } };
    } }, KEY);
  });
  after(async () => {
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops sending, prints and writes the report so far (with the cases not run), and exits 130', async () => {
    const report = join(dir, 'report.json');
    const child = spawn(process.execPath, [BIN, 'verify', '--base-url', provider.url, '--state-url', provider.stateUrl, '--api-key', KEY, '--runs', '5000', '--seed', '3', '--no-color', '--report', `json=${report}`, '--pacts', dir], { cwd: ROOT, env: cleanEnv(), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await fortyAnswered;
    child.kill('SIGINT');
    const code = await exited;
    expect(code, stderr).to.equal(130);
    expect(stderr.split('\n')[0]).to.equal('verify: seed 3 (replay any finding with --seed 3 --path <its path>)');
    expect(stdout).to.contain('STOPPED EARLY: interrupted;').and.to.match(/\d+ planned cases not run/);
    const written = JSON.parse(readFileSync(report, 'utf8')) as { meta: { stopped?: { reason: string; notRun: number } } };
    expect(written.meta.stopped?.reason).to.equal('interrupted');
    expect(written.meta.stopped?.notRun).to.be.greaterThan(1000);
    expect(stdout + stderr).not.to.contain(KEY);
  });
});
