import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseReport } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';

const OTHER = new URL('../fixtures/contracts/other-operation.yaml', import.meta.url).pathname;
const request = (overrides: Record<string, unknown> = {}): string => JSON.stringify({
  method: 'PATCH',
  path: '/api/v1/customers/acme/integrations/int-1',
  headers: { 'X-API-KEY': 'k', 'Content-Type': 'application/json' },
  body: { syncedEntityId: 'cus_1' },
  ...overrides,
});

describe('cli: lint', () => {
  it('lists the shipped contract defects with pointers and examples, exit 0 (1 with --strict)', async () => {
    const run = await runCli(['lint']);
    expect(run.code).to.equal(0);
    expect(run.stdout).to.contain('nullable-without-type [contract-defect]').and.contain('at        #/components/schemas/CustomerIntegrationResponseDto/properties/data/properties/syncData/nullable');
    expect(run.stdout).to.contain('overlapping-one-of').and.to.contain('nullable-enum-without-null').and.to.contain('example: null');
    expect(run.stdout).to.match(/PASSED: 0 violations, 10 contract defects \(not failing without --strict-contract\), 0 warnings\n$/);
    const strict = await runCli(['lint', '--strict']);
    expect(strict.code).to.equal(1);
    expect(strict.stdout).to.match(/FAILED: 0 violations, 10 contract defects, 0 warnings\n$/);
  });

  it('prints the report as JSON with --json, writes --report through the shared writers, and lints another document with --contract', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-report-'));
    try {
      const run = await runCli(['lint', '--json', '--contract', OTHER, '--report', `junit=${join(dir, 'lint.xml')},json=${join(dir, 'lint.json')}`]);
      expect(run.code).to.equal(0);
      const parsed = parseReport(run.stdout);
      expect({ kind: parsed.kind, rules: parsed.findings.map((group) => group.check) }).to.deep.equal({ kind: 'lint', rules: ['nullable-enum-without-null'] });
      expect(parseReport(readFileSync(join(dir, 'lint.json'), 'utf8'))).to.deep.equal(parsed);
      expect(readFileSync(join(dir, 'lint.xml'), 'utf8')).to.contain('<testcase classname="stigg-contract.checks" name="nullable-enum-without-null">');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with a clear message for an unreadable contract', async () => {
    const run = await runCli(['lint', '--contract', '/nonexistent.yaml']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.match(/cannot read contract \/nonexistent\.yaml: ENOENT/);
  });
});

describe('cli: validate', () => {
  it('exit 0 for a valid request from stdin, with percent-decoding of path segments', async () => {
    const run = await runCli(['validate', 'request', '-'], { input: request({ path: '/api/v1/customers/a%7Cb%40c/integrations/x%2Fy' }) });
    expect(run.stdout.trim()).to.equal('verdict: valid');
    expect(run.code).to.equal(0);
  });

  it('names every problem of a bad request: part, pointer, constraint, value; exit 1', async () => {
    const run = await runCli(['validate', 'request'], { input: request({ path: '/api/v1/customers/_bad/integrations/x', headers: { 'Content-Type': 'text/plain' }, body: { syncedEntityId: 'x'.repeat(300), extra: 1 } }) });
    expect(run.code).to.equal(1);
    expect(run.stdout).to.contain('violation  path  /id  pattern').and.to.contain('value: "_bad"');
    expect(run.stdout).to.contain('violation  headers  /x-api-key  required');
    expect(run.stdout).to.contain('violation  headers  /content-type  contentType');
    expect(run.stdout).to.contain('violation  body  /syncedEntityId  maxLength').and.to.match(/… \(302 chars\)/);
    expect(run.stdout).to.contain('violation  body  /extra  additionalProperties');
  });

  it('tells a contract defect from a violation (exit 0) and prints JSON', async () => {
    const response = { status: 404, headers: { 'content-type': 'application/json' }, body: { message: 'gone', code: null } };
    const run = await runCli(['validate', 'response', '--json'], { input: JSON.stringify(response) });
    expect(run.code).to.equal(0);
    const parsed = JSON.parse(run.stdout) as { verdict: string; contractDefects: Array<{ pointer: string; keyword: string }> };
    expect(parsed.verdict).to.equal('contract-defect');
    expect(parsed.contractDefects).to.deep.include({ part: 'response:404', pointer: '/code', keyword: 'enum', message: '/code must be equal to one of the allowed values (38 allowed values)', value: 'null' });
  });

  it('exits 2 for unusable input: not JSON, unknown status, unknown path, missing field', async () => {
    const cases: Array<[string[], string, RegExp]> = [
      [['validate', 'request'], '{not json', /not JSON/],
      [['validate', 'response'], '{"status":418,"body":{}}', /status 418 is not documented/],
      [['validate', 'request'], request({ path: '/api/v1/other' }), /does not match \/api\/v1\/customers\/\{id\}/],
      [['validate', 'response'], '{"body":{}}', /needs "status"/],
    ];
    for (const [args, input, message] of cases) {
      const run = await runCli(args, { input });
      expect(run.code, input).to.equal(2);
      expect(run.stderr).to.match(message);
    }
    const bad = await runCli(['validate', 'nonsense']);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.match(/Allowed choices are request, response/);
  });

  it('reads a file argument', async () => {
    const run = await runCli(['validate', 'request', '/nonexistent.json']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('cannot read /nonexistent.json: ENOENT');
  });
});
