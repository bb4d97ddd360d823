import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { expect } from 'chai';
import { startVariantProvider, type VariantProvider } from '../fixtures/providers/proxy.js';
import { BROKEN } from '../fixtures/providers/broken.js';
import { startReferenceProvider } from '../../src/provider/index.js';
import { cleanEnv, runCli } from '../helpers/cli.js';

const CANARY = 'canary-key-4f9d2c7e-never-print-me';

/** Runs a generated regression test with mocha, in an environment without the machine's STIGG_* (they would aim it elsewhere). */
function runMocha(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/mocha/bin/mocha.js', '--no-config', '--timeout', '60000', file], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('cli: verify', function () {
  this.timeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
  after(() => {
    rmSync(join(process.cwd(), '.stigg-contract'), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  mkdirSync(join(process.cwd(), '.stigg-contract'), { recursive: true });

  it('verifies the embedded reference provider: exit 0, reports, NDJSON log, and the key nowhere', async () => {
    const junit = join(dir, 'out', 'junit.xml');
    const json = join(dir, 'out', 'report.json');
    const log = join(dir, 'traffic.ndjson');
    const run = await runCli(['verify', '--runs', '10', '--seed', '11', '--api-key', CANARY, '--report', `junit=${junit},json=${json}`, '--log', log, '--no-color'], { timeoutMs: 60_000 });
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/seed 11 · 10 runs/).and.to.contain('PASSED').and.to.contain('Pact interactions (12/12 passed)');
    // The findings' curl commands point at the embedded provider, which is gone when the command ends: it says so.
    expect(run.stdout).to.contain('The curl commands target the embedded reference provider, which stopped with this run');
    const xml = readFileSync(junit, 'utf8');
    expect(xml.match(/<testcase /g)?.length).to.be.at.least(15 + 12);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { meta: { seed: number } };
    expect(report.meta.seed).to.equal(11);
    const lines = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { request?: { headers: Record<string, string> }; related?: unknown; pact?: unknown; verdict?: string });
    expect(lines.length).to.be.at.least(60);
    expect(lines.some((line) => line.request?.headers['X-API-KEY'] === '$STIGG_API_KEY')).to.equal(true);
    // Every request the checks judged has its line: related requests (repeats, header variants) and pact outcomes too.
    expect(lines.filter((line) => line.related !== undefined).length).to.be.at.least(10);
    expect(lines.filter((line) => line.pact !== undefined).length).to.equal(12);
    for (const text of [run.stdout, run.stderr, xml, readFileSync(json, 'utf8'), readFileSync(log, 'utf8')]) expect(text).not.to.contain(CANARY);
  });

  it('exits 2 with the URL and the cause when the provider is unreachable', async () => {
    const run = await runCli(['verify', '--base-url', 'http://127.0.0.1:9', '--api-key', 'k', '--runs', '5']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.match(/provider unreachable at http:\/\/127\.0\.0\.1:9: refused/);
  });

  it('exits 2 for bad flags, naming them', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--runs', 'many'], /--runs must be an integer/],
      [['--report', 'xml=out.xml'], /--report takes junit=FILE/],
      [['--checks', 'no_such_check'], /no_such_check/],
      [['--base-url', 'ftp://x'], /the base URL \(--base-url, baseUrl\) must be an http\(s\) URL/],
      [['--base-url', 'http://127.0.0.1:9'], /API key is needed/],
    ];
    for (const [flags, message] of cases) {
      const run = await runCli(['verify', ...flags], { env: { STIGG_API_KEY: '' } });
      expect(run.code, flags.join(' ')).to.equal(2);
      expect(run.stderr).to.match(message);
    }
  });

  describe('against a broken provider', () => {
    let broken: VariantProvider;
    const key = 'broken-cli-key';
    const departure = BROKEN.find((b) => b.id === 'update-ignored');
    before(async () => {
      broken = await startVariantProvider(departure?.make(key) ?? {}, key);
    });
    after(() => broken.close());

    it('exits 1, prints a curl reproducer and a replay that sends exactly the minimal case again', async () => {
      const base = ['verify', '--base-url', broken.url, '--state-url', broken.stateUrl, '--api-key', key, '--no-color', '--timeout', '1000', '--no-failures'];
      const run = await runCli([...base, '--runs', '10', '--seed', '5'], { timeoutMs: 60_000 });
      expect(run.code).to.equal(1);
      expect(run.stdout).to.contain('update_applied').and.to.contain('curl --globoff --path-as-is -X PATCH').and.to.contain('"X-API-KEY: $STIGG_API_KEY"');
      const replay = /stigg-contract verify --seed 5 --path (\S+)/.exec(run.stdout.slice(run.stdout.indexOf('update_applied [violation]')));
      expect(replay, run.stdout).to.not.equal(null);
      const again = await runCli([...base, '--seed', '5', '--path', replay?.[1] ?? '', '--checks', 'update_applied'], { timeoutMs: 60_000 });
      expect(again.code).to.equal(1);
      expect(again.stdout).to.match(/· 1 exchanges|1 exchange/);
    });

    it('--save-failures writes regression tests that fail against the broken provider and pass against a correct one', async () => {
      // Inside the project, so the generated file resolves chai and stigg-contract as a user's project would.
      const saved = mkdtempSync(join(process.cwd(), '.stigg-contract', 'regressions-'));
      const run = await runCli(['verify', '--base-url', broken.url, '--state-url', broken.stateUrl, '--api-key', key, '--runs', '10', '--seed', '5', '--checks', 'update_applied', '--save-failures', saved, '--no-failures'], { timeoutMs: 60_000 });
      expect(run.code).to.equal(1);
      const files = readdirSync(saved).filter((f) => f.endsWith('.test.mjs'));
      expect(files.length).to.be.at.least(1);
      const file = join(saved, files[0] ?? '');
      expect(readFileSync(file, 'utf8')).not.to.contain(key);
      const against = await runMocha(file, { STIGG_API_KEY: key });
      expect(against.code, against.output).to.equal(1);
      expect(against.output).to.contain('1 failing').and.to.contain('previous-entity');
      const good = await startReferenceProvider({ apiKey: key });
      try {
        const fixed = await runMocha(file, { STIGG_API_KEY: key, STIGG_BASE_URL: good.url, STIGG_STATE_URL: good.stateUrl });
        expect(fixed.code, fixed.output).to.equal(0);
        expect(fixed.output).to.contain('1 passing');
      } finally {
        await good.close();
        rmSync(saved, { recursive: true, force: true });
      }
    });
  });
});
