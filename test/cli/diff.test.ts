/** `stigg-contract diff` in-process: formats, --fail-on and exit codes, --operation, unusable input. */
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { DEFAULT_CONTRACT_FILE } from '../../src/contract/index.js';
import { runCli } from '../helpers/cli.js';

const NEXT = fileURLToPath(new URL('../fixtures/contracts/stigg-api-7.65.0.openapi.yaml', import.meta.url));
const MANY = fileURLToPath(new URL('../fixtures/contracts/many-operations.yaml', import.meta.url));
const OTHER = fileURLToPath(new URL('../fixtures/contracts/other-operation.yaml', import.meta.url));

describe('cli: diff', () => {
  it('text: both versions, each change with level, direction, reason and pointers; exit 1 on breaking changes', async () => {
    const run = await runCli(['diff', DEFAULT_CONTRACT_FILE, NEXT]);
    expect(run.code).to.equal(1);
    expect(run.stdout).to.match(/^Stigg API 7\.64\.2 → Stigg API 7\.65\.0: PATCH \/api\/v1\/customers\/\{id\}\/integrations\/\{integrationId\}/);
    expect(run.stdout).to.contain('warning   response  response 200 body /data/vendorIdentifier: enum values added: AIRWALLEX, STRIPE_INVOICING  [enum-value-added]');
    expect(run.stdout).to.contain('          why: strict clients break:');
    expect(run.stdout).to.contain('          old #/components/schemas/CustomerIntegrationResponseDto/properties/data/properties/vendorIdentifier/enum  new #/components');
    expect(run.stdout.trim().split('\n').at(-1)).to.equal('14 changes: 4 breaking, 2 warning, 8 info (4 at or above breaking: exit 1)');
    // Most severe first.
    expect(run.stdout.indexOf('breaking  response')).to.be.lessThan(run.stdout.indexOf('warning   response'));
  });

  it('--fail-on decides the exit code; no change at all exits 0 whatever the threshold', async () => {
    expect((await runCli(['diff', DEFAULT_CONTRACT_FILE, NEXT, '--fail-on', 'warning'])).code).to.equal(1);
    expect((await runCli(['diff', DEFAULT_CONTRACT_FILE, MANY, '--fail-on', 'info'])).code, 'no change at all').to.equal(0);
    const same = await runCli(['diff', DEFAULT_CONTRACT_FILE, DEFAULT_CONTRACT_FILE]);
    expect([same.code, same.stdout.trim().split('\n').at(-1)]).to.deep.equal([0, '0 changes: 0 breaking, 0 warning, 0 info (none at or above breaking: exit 0)']);
    expect(same.stdout).to.contain('\n\nno changes\n');
  });

  it('json, markdown and junit carry the same changes, the titles and versions', async () => {
    const json = JSON.parse((await runCli(['diff', DEFAULT_CONTRACT_FILE, NEXT, '--format', 'json'])).stdout) as {
      old: { title: string; version: string }; new: { version: string }; failOn: string; fails: boolean; totals: Record<string, number>; changes: { rule: string; oldPointer: string; readings: string[] }[];
    };
    expect([json.old.title, json.old.version, json.new.version, json.failOn, json.fails]).to.deep.equal(['Stigg API', '7.64.2', '7.65.0', 'breaking', true]);
    expect(json.totals).to.deep.equal({ breaking: 4, warning: 2, info: 8 });
    expect(json.changes.map((c) => c.rule)).to.include('enum-value-added');
    const markdown = (await runCli(['diff', DEFAULT_CONTRACT_FILE, NEXT, '--format', 'markdown'])).stdout;
    expect(markdown).to.match(/^### Stigg API 7\.64\.2 → Stigg API 7\.65\.0: PATCH /);
    expect(markdown).to.contain('| warning | response | response 200 body /data/vendorIdentifier | enum values added: AIRWALLEX, STRIPE_INVOICING | strict clients break:');
    expect(markdown).to.contain('| info | response | response 400 body /message | pattern none → \\S |');
    const junit = (await runCli(['diff', DEFAULT_CONTRACT_FILE, NEXT, '--format', 'junit', '--fail-on', 'warning'])).stdout;
    expect(junit.match(/<testcase /g)).to.have.length(14);
    expect(junit.match(/<failure /g)).to.have.length(6);
    expect(junit).to.contain('name="warning enum-value-added: response 200 body /data/vendorIdentifier"').and.contain('Stigg API 7.64.2 → Stigg API 7.65.0');
  });

  it('--operation picks the operation in each document; unusable input exits 2 with one line', async () => {
    const widget = await runCli(['diff', OTHER, OTHER, '--operation', 'replaceWidget']);
    expect(widget.code).to.equal(0);
    expect(widget.stdout).to.match(/^Widgets API 1\.2\.3 → Widgets API 1\.2\.3: PUT \/v2\/shops/);
    for (const [args, message] of [
      [['diff', DEFAULT_CONTRACT_FILE, '/nonexistent.yaml'], /cannot read contract \/nonexistent\.yaml: ENOENT/],
      [['diff', DEFAULT_CONTRACT_FILE, MANY, '--operation', 'nope'], /no operation nope in .*contracts\/stigg-api\.openapi\.yaml/],
      [['diff', MANY, MANY, '--operation', 'ImportController_upload'], /cannot be compared: the request body .* multipart\/form-data only/],
      [['diff', DEFAULT_CONTRACT_FILE, NEXT, '--fail-on', 'never'], /--fail-on.*never.*Allowed choices are info, warning, breaking/],
      [['diff', DEFAULT_CONTRACT_FILE], /missing required argument 'new'/],
    ] as const) {
      const run = await runCli([...args]);
      expect([run.code, run.stdout], args.join(' ')).to.deep.equal([2, '']);
      expect(run.stderr.trim().split('\n'), args.join(' ')).to.have.length(1);
      expect(run.stderr).to.match(message);
    }
  });

  it('--help says what the levels mean and why --fail-on defaults to breaking', async () => {
    const help = (await runCli(['diff', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).to.contain('--fail-on <level> exit 1 when a change at or above this level exists (choices: "info", "warning", "breaking", default: "breaking")');
    expect(help).to.contain('--fail-on defaults to breaking: a CI gate should stop what breaks clients');
    expect(help).to.contain('--format <format> output format (choices: "text", "json", "junit", "markdown", default: "text")');
  });
});
