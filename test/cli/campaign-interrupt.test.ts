import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { error, isOperation, json } from '../fixtures/providers/answers.js';
import { startVariantProvider, type VariantProvider } from '../fixtures/providers/proxy.js';
import { BIN, cleanEnv } from '../helpers/cli.js';

const KEY = 'campaign-interrupt-key';

describe('cli: Ctrl+C in the middle of a --max-time campaign (black box, the built bin)', function () {
  this.timeout(60_000);
  const cwd = mkdtempSync(join(tmpdir(), 'campaign-interrupt-'));
  let provider: VariantProvider;
  let afterCrash = 0;
  let reached: () => void = () => undefined;
  const wellPastTheFirstCrash = new Promise<void>((resolve) => {
    reached = resolve;
  });
  before(async () => {
    // A 500 on every unlink (found in the first cases), and each answer a little late, so the campaign is mid-way.
    provider = await startVariantProvider({
      request: (seen) => {
        if (!isOperation(seen)) return seen;
        if (afterCrash > 0 && ++afterCrash === 3000) reached();
        if (json(seen.body)['syncedEntityId'] !== null) return seen;
        afterCrash ||= 1;
        return error(500, 'InternalError');
      },
      response: (_seen, answer) => ({ ...answer, wire: { ...answer.wire, delayMs: 2 } }),
    }, KEY);
    mkdirSync(join(cwd, 'no-pacts'));
  });
  after(async () => {
    await provider.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('keeps every finding reported so far in the failure database (default directory), none with the key; exits 130', async () => {
    const report = join(cwd, 'report.json');
    const args = ['verify', '--base-url', provider.url, '--state-url', provider.stateUrl, '--api-key', KEY, '--max-time', '50s', '--seed', '9', '--no-color', '--report', `json=${report}`, '--pacts', join(cwd, 'no-pacts')];
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await wellPastTheFirstCrash;
    child.kill('SIGINT');
    expect(await exited, stderr).to.equal(130);
    expect(stderr).to.contain('a campaign of 50s');
    const written = JSON.parse(readFileSync(report, 'utf8')) as { meta: { stopped?: { reason: string } }; findings: Array<{ check: string; kind: string; signature: string }> };
    expect(written.meta.stopped?.reason).to.equal('interrupted');
    const failing = written.findings.filter((group) => group.kind === 'violation');
    expect(failing.length).to.be.above(0);
    const database = join(cwd, '.stigg-contract', 'failures');
    expect(existsSync(database)).to.equal(true);
    const files = readdirSync(database);
    for (const group of failing) expect(files, `${group.check} ${group.signature}`).to.include(`${group.check}-${group.signature}.json`);
    // Every write is a rename of a whole file: nothing half-written is left behind.
    expect(files.filter((name) => !name.endsWith('.json'))).to.deep.equal([]);
    for (const name of files) expect(readFileSync(join(database, name), 'utf8')).not.to.contain(KEY);
    expect(stdout + stderr).not.to.contain(KEY);
  });
});
