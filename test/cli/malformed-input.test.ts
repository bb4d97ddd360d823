import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../helpers/cli.js';

const REQUEST = { method: 'PATCH', path: '/api/v1/customers/a/integrations/b', body: { syncedEntityId: 'x' } };

/** Exit 2 and exactly one line on stderr, naming the problem; never a stack trace. */
function oneLine(run: { code: number | null; stderr: string }, message: RegExp, label: string): void {
  expect(run.code, `${label}: ${run.stderr}`).to.equal(2);
  expect(run.stderr.trim().split('\n'), `${label}: ${run.stderr}`).to.have.length(1);
  expect(run.stderr, label).to.match(message).and.not.match(/\n\s+at |TypeError|ReferenceError/);
}

describe('cli: malformed input to any command is one line and exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'malformed-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('validate: values that are not strings, shapes that are not objects, input over 1 MiB', async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['request', { ...REQUEST, headers: { 'x-api-key': 5 } }, /header "x-api-key" must be a string \(or an array of strings\), not a number/],
      ['request', { ...REQUEST, headers: { 'x-api-key': null } }, /header "x-api-key" must be a string .*not null/],
      ['request', { ...REQUEST, headers: { 'x-api-key': { a: 1 } } }, /not an object/],
      ['request', { ...REQUEST, headers: ['x-api-key: k'] }, /"headers" must be an object of header names to strings, not an array/],
      ['request', { ...REQUEST, rawBody: 5 }, /"rawBody" must be a string/],
      ['request', { path: REQUEST.path }, /the request needs "method"/],
      ['request', [REQUEST], /must be a JSON object, not an array/],
      ['response', { status: 'abc' }, /"status" \(an integer from 100 to 599\), not a string/],
      ['response', { status: 600 }, /not 600/],
    ];
    for (const [kind, value, message] of cases) oneLine(await runCli(['validate', kind], { input: JSON.stringify(value) }), message, JSON.stringify(value));
    oneLine(await runCli(['validate', 'request'], { input: 'x'.repeat(2 ** 20 + 1) }), /standard input is over 1048576 bytes/, 'over 1 MiB');
    oneLine(await runCli(['validate', 'request'], { input: '{"method":' }), /not JSON/, 'not JSON');
  });

  it('validate prints each issue once (a property missing from two oneOf branches is one line)', async () => {
    const body = { data: { id: 'x', vendorIdentifier: 'STRIPE', syncedEntityId: null, syncData: { foo: 1 } } };
    const run = await runCli(['validate', 'response'], { input: JSON.stringify({ status: 200, headers: { 'content-type': 'application/json' }, body }) });
    const lines = run.stdout.trim().split('\n');
    expect(new Set(lines).size, run.stdout).to.equal(lines.length);
    expect(lines.filter((line) => line.includes('/data/syncData/billingId  required'))).to.have.length(1);
  });

  it('every other command: unknown options, missing or bad values, unreadable or wrong files', async () => {
    const notContract = join(dir, 'not-a-contract.yaml');
    writeFileSync(notContract, 'just: text\n');
    const cases: Array<[string[], RegExp]> = [
      [['nosuch'], /unknown command 'nosuch' \(run with --help for usage\)/],
      [['verify', '--runz', '3'], /unknown option '--runz' \(Did you mean --runs\?\)/],
      [['lint', '--contract', join(dir, 'missing.yaml')], /cannot read contract .*missing\.yaml: ENOENT/],
      [['lint', '--contract', notContract], /expected an OpenAPI 3\.0\.x document/],
      [['sample', 'nope'], /unknown part "nope"/],
      [['sample', 'body', '-n', 'abc'], /-n must be an integer/],
      [['serve', '--port', 'abc', '--api-key', 'k'], /--port must be an integer/],
      [['mock', '--seed', 'zz'], /--seed must be an integer/],
      [['mock', '--drill', '5', '--', 'true'], /--drill must be a fraction from 0 to 1/],
      [['mock', 'report', join(dir, 'missing.log')], /cannot read the log/],
      [['check-pact', join(dir, 'missing.json')], /cannot read/],
      [['publish', '--broker-url', 'nope'], /--broker-url is not a URL/],
      [['can-i-deploy'], /required option '--pacticipant <name>' not specified/],
    ];
    for (const [args, message] of cases) oneLine(await runCli(args), message, args.join(' '));
  });
});
