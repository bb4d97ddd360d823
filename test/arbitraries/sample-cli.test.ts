import { expect } from 'chai';
import { runCli } from '../helpers/cli.js';

type Line = { value: unknown; intent: string; breaks?: { part: string; pointer: string; keyword: string }; rawBody?: string | null };
const lines = (stdout: string): Line[] => stdout.trim().split('\n').map((line) => JSON.parse(line) as Line);

describe('cli: sample', () => {
  it('prints N JSON lines, the same for the same seed, and the default seed is fixed', async () => {
    const [first, second, byDefault] = await Promise.all([
      runCli(['sample', 'slug', '-n', '20', '--seed', '42']),
      runCli(['sample', 'slug', '-n', '20', '--seed', '42']),
      runCli(['sample', 'slug', '-n', '20']),
    ]);
    expect(first.code).to.equal(0);
    expect(first.stdout).to.equal(second.stdout).and.to.equal(byDefault.stdout);
    const values = lines(first.stdout);
    expect(values).to.have.length(20);
    expect(values.every((line) => line.intent === 'valid' && typeof line.value === 'string')).to.equal(true);
  });

  it('--invalid lines carry the broken constraint; requests never show an API key', async () => {
    const [body, request] = await Promise.all([
      runCli(['sample', 'body', '--invalid', '-n', '30', '--seed', '3']),
      runCli(['sample', 'request', '--invalid', '-n', '30', '--seed', '3'], { env: { STIGG_API_KEY: 'sk-live-secret-123' } }),
    ]);
    for (const run of [body, request]) {
      expect(run.code, run.stderr).to.equal(0);
      for (const line of lines(run.stdout)) {
        expect(line.intent).to.equal('invalid');
        expect(line.breaks).to.have.all.keys('part', 'pointer', 'keyword');
      }
    }
    expect(lines(body.stdout).some((line) => line.breaks?.keyword === 'json' && typeof line.rawBody === 'string')).to.equal(true);
    expect(request.stdout).to.not.contain('sk-live-secret-123');
    expect(request.stdout).to.contain('$STIGG_API_KEY');
  });

  it('exits 2 with a clear message for an unknown part, an undocumented status or a bad count', async () => {
    const [part, status, count] = await Promise.all([
      runCli(['sample', 'customer']),
      runCli(['sample', 'response:500']),
      runCli(['sample', 'slug', '-n', '0']),
    ]);
    expect(part.code).to.equal(2);
    expect(part.stderr).to.match(/unknown part "customer"; parts: slug, id, integrationId, body, headers, request, response:200/);
    expect(status.code).to.equal(2);
    expect(status.stderr).to.match(/status 500 is not documented/);
    expect(count.code).to.equal(2);
    expect(count.stderr).to.match(/-n must be an integer from 1/);
  });
});
