/**
 * A provider behind a gateway (`--header`), and credentials in a provider URL (refused): the headers go with every
 * request, state change and pact interaction, the checks never judge them, and no output shows their values.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { resolveVerifyOptions } from '../../src/runners/verify/options.js';
import { ConfigurationError } from '../../src/errors.js';
import { startVariantProvider, type ProxyResponse, type SeenRequest, type VariantProvider } from '../fixtures/providers/proxy.js';
import { runCli } from '../helpers/cli.js';

const KEY = 'gateway-test-key-51c9';
const TENANT = 'tenant-7f3a9c';
const PASSWORD = 'gw-s3cret-pa55';
const BASIC = Buffer.from(`gw-user:${PASSWORD}`).toString('base64');
const DENIED: ProxyResponse = { status: 401, headers: { 'content-type': 'application/json' }, body: '{"message":"gateway: tenant and credentials required"}' };
const admitted = (seen: SeenRequest): boolean => seen.headers['x-tenant'] === TENANT && seen.headers['authorization'] === `Basic ${BASIC}`;

describe('cli: verify behind a gateway (--header) and URLs with credentials', function () {
  this.timeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'verify-gateway-'));
  let gateway: VariantProvider;
  before(async () => {
    gateway = await startVariantProvider({ stateChange: (_change, seen) => (admitted(seen) ? undefined : DENIED), request: (seen) => (admitted(seen) ? seen : DENIED) }, KEY);
  });
  after(async () => {
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends --header with every request, state change and pact interaction: PASSED, and the values in no output', async () => {
    const [json, junit, log, failures] = [join(dir, 'r.json'), join(dir, 'r.xml'), join(dir, 't.ndjson'), join(dir, 'failures')];
    const run = await runCli(['verify', '--base-url', gateway.url, '--state-url', gateway.stateUrl, '--api-key', KEY, '--header', `X-Tenant: ${TENANT}`, '--header', `Authorization: Basic ${BASIC}`,
      '--runs', '20', '--seed', '5', '--report', `json=${json},junit=${junit}`, '--log', log, '--save-failures', failures, '--no-color']);
    expect(run.code, run.stdout.slice(-3000) + run.stderr).to.equal(0);
    expect(run.stdout).to.contain('Pact interactions (12/12 passed)').and.to.match(/\nPASSED: 0 violations/);
    const outputs = [run.stdout, run.stderr, readFileSync(json, 'utf8'), readFileSync(junit, 'utf8'), readFileSync(log, 'utf8'), ...readdirSync(failures).map((file) => readFileSync(join(failures, file), 'utf8'))];
    for (const text of outputs) for (const secret of [TENANT, PASSWORD, BASIC, `gw-user:${PASSWORD}`]) expect(text).not.to.contain(secret);
    const lines = readFileSync(log, 'utf8').trim().split('\n').map((text) => JSON.parse(text) as { request?: { headers: Record<string, string> } });
    expect(lines.find((line) => line.request)?.request?.headers).to.include({ 'X-Tenant': '[REDACTED]', Authorization: '[REDACTED]' });
  });

  it('without the headers the gateway refuses: the run does not pass', async () => {
    const run = await runCli(['verify', '--base-url', gateway.url, '--state-url', gateway.stateUrl, '--api-key', KEY, '--runs', '1', '--seed', '5', '--no-color']);
    expect(run.code).not.to.equal(0);
  });

  it('refuses a header the contract documents or the transport writes, and malformed ones, before anything runs (exit 2)', async () => {
    for (const [header, reason] of [['X-API-KEY: k2', /the API key's: give the key with --api-key/], ['x-account-id: a', /documented by the contract \(X-ACCOUNT-ID\)/], ['Content-Length: 3', /written by the transport/], ['no colon', /"Name: value"/], ['Bad Name: v', /not an HTTP token/]] as const) {
      const run = await runCli(['verify', '--base-url', gateway.url, '--api-key', KEY, '--header', header, '--runs', '1']);
      expect(run.code, header).to.equal(2);
      expect(run.stderr, header).to.match(reason);
      expect(run.stderr).not.to.contain('verify: seed');
    }
    const twice = await runCli(['verify', '--api-key', KEY, '--header', 'X-T: 1', '--header', 'x-t: 2']);
    expect(twice.stderr).to.match(/header x-t \(--header, headers\) is given twice/);
  });

  for (const flag of ['--base-url', '--state-url']) {
    it(`refuses credentials in ${flag} with exit 2 before any output, never echoing the password`, async () => {
      const report = join(dir, `refused${flag}.json`);
      const url = `http://gw-user:${PASSWORD}@127.0.0.1:${new URL(gateway.url).port}/`;
      const args = flag === '--base-url' ? ['--base-url', url] : ['--base-url', gateway.url, '--state-url', `${url}_pact/provider-states`];
      const run = await runCli(['verify', ...args, '--api-key', KEY, '--runs', '1', '--report', `json=${report}`, '--log', join(dir, 'refused.ndjson')]);
      expect(run.code).to.equal(2);
      expect(run.stdout).to.equal('');
      expect(run.stderr).to.match(/must not contain credentials .* --header 'Authorization: Basic …'/);
      expect(run.stderr + run.stdout).not.to.contain(PASSWORD);
      expect(existsSync(report)).to.equal(false);
    });
  }

  it('the library refuses them too, naming its own options', () => {
    expect(() => resolveVerifyOptions({ baseUrl: `https://u:${PASSWORD}@example.test` })).to.throw(ConfigurationError, /baseUrl\) must not contain credentials/);
    expect(() => resolveVerifyOptions({ stateUrl: `https://u:${PASSWORD}@example.test/s` })).to.throw(ConfigurationError, /stateUrl\) must not contain credentials/);
    expect(resolveVerifyOptions({ headers: ['X-Tenant: a'] }).headers).to.deep.equal({ 'X-Tenant': 'a' });
    expect(resolveVerifyOptions({ headers: { 'X-Tenant': 'a' } }).headers).to.deep.equal({ 'X-Tenant': 'a' });
  });
});
