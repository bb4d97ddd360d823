/**
 * Contract input every command reads the same way: a file far too large is refused before it is parsed, a document
 * with no operation, a bare `{"openapi":"3.0.3"}` and a Swagger 2 document each get one clear line, and the library's
 * own errors name its options.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ContractLoadError } from '../../src/errors.js';
import { DEFAULT_CONTRACT_FILE, MAX_CONTRACT_BYTES } from '../../src/contract/load.js';
import { openContract } from '../../src/validators/index.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'contract-input-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const INFO = '"info": {"title": "x", "version": "1"}';

/** Each command that reads a contract, with what it needs besides it. */
const commands = (contract: string): Array<readonly string[]> => [
  ['lint', '--contract', contract],
  ['verify', '--contract', contract, '--runs', '1'],
  ['sample', 'request', '--contract', contract],
  ['validate', 'request', '-', '--contract', contract],
  ['check-pact', 'pacts', '--contract', contract],
  ['mock', '--contract', contract, '--', process.execPath, '-e', '0'],
  ['diff', DEFAULT_CONTRACT_FILE, contract],
];

describe('contract input: size cap, no operation, not OpenAPI 3.0, library wording', function () {
  this.timeout(30_000);
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, string, RegExp]> = [
    ['a bare {"openapi":"3.0.3"}', file('bare.json', '{"openapi": "3.0.3"}'), /bare\.json is not an OpenAPI 3\.0 document: it has no info and no paths/],
    ['a Swagger 2.0 document', file('swagger.json', `{"swagger": "2.0", ${INFO}, "paths": {}}`), /swagger\.json is a Swagger 2\.0 document; the harness reads OpenAPI 3\.0\.x: convert it first/],
    ['a document with no operation', file('empty.json', `{"openapi": "3.0.3", ${INFO}, "paths": {}}`), /empty\.json has no operations \(its paths hold none\)/],
    ['a document the OpenAPI schema rejects', file('bad.json', `{"openapi": "3.0.3", ${INFO}, "paths": {"/a": {"get": {"responses": "no"}}}}`), /bad\.json is not a valid OpenAPI 3\.0 document: #\/paths\/~1a\/get\/responses must be object$/m],
  ];
  for (const [name, contract, reason] of cases) {
    it(`${name}: one line and exit 2, from every command`, async () => {
      for (const args of commands(contract)) {
        const run = await runCli(args, { input: '{}' });
        expect(run.code, args.join(' ')).to.equal(2);
        expect(run.stderr, args.join(' ')).to.match(reason);
        expect(run.stderr.trim().split('\n'), args.join(' ')).to.have.length(1);
      }
    });
  }

  it(`refuses a file over ${MAX_CONTRACT_BYTES / 2 ** 20} MiB before parsing it, and a device that never ends`, async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, MAX_CONTRACT_BYTES + 1);
    for (const path of [big, '/dev/zero']) {
      const error = await openContract(path).then(() => undefined, (caught: unknown) => caught);
      expect(error).to.be.instanceOf(ContractLoadError);
      expect((error as Error).message).to.match(/is larger than 32 MiB/);
    }
    const run = await runCli(['lint', '--contract', big]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.match(/contract .*big\.yaml is larger than 32 MiB, more than any OpenAPI document this harness reads/);
  });

  it('the library takes openContract(file, { operation }), and its errors name its option', async () => {
    const opened = await openContract(DEFAULT_CONTRACT_FILE, { operation: 'patch /api/v1/customers/{id}/integrations/{integrationId}' });
    expect(opened.operation.method).to.equal('PATCH');
    const two = file('two.json', `{"openapi": "3.0.3", ${INFO}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}, "delete": {"responses": {"204": {"description": "ok"}}}}}}`);
    const error = await openContract(two).then(() => undefined, (caught: unknown) => caught);
    expect((error as Error).message).to.match(/choose one with the operation option \(--operation\): GET \/a; DELETE \/a/);
    expect((await openContract(two, { operation: 'DELETE /a' })).operation.method).to.equal('DELETE');
  });
});
