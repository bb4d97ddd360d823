/**
 * `stigg-contract/chai` as installed: the built package copied into a scratch node_modules, imported from an ES
 * module and required from CommonJS, with the shipped contract and with a broken one. Importing never throws and
 * compiles nothing; the first assertion opens the contract, or reports why it cannot.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { ROOT } from './helpers/cli.js';

const run = promisify(execFile);

/** A scratch project with the built package (its contract replaced when `contract` is given), chai, and one script. */
function installed(dir: string, contract?: string): void {
  const pkg = join(dir, 'node_modules', 'stigg-contract');
  mkdirSync(pkg, { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true, filter: (source) => !/\.(map|tsbuildinfo)$/.test(source) });
  cpSync(join(ROOT, 'contracts'), join(pkg, 'contracts'), { recursive: true });
  if (contract !== undefined) writeFileSync(join(pkg, 'contracts', 'stigg-api.openapi.yaml'), contract);
  // The package's own dependencies, and chai for the scripts, from this checkout's node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  symlinkSync(join(ROOT, 'node_modules', 'chai'), join(dir, 'node_modules', 'chai'), 'dir');
}

const VALID = "{ status: 200, headers: { 'content-type': 'application/json' }, body: { data: { id: 'i', vendorIdentifier: 'STRIPE', syncedEntityId: null, syncData: null } } }";
const INVALID = "{ status: 200, headers: { 'content-type': 'application/json' }, body: { data: { id: 'i', vendorIdentifier: 'NOPE', syncedEntityId: null } } }";

/** The assertions each script makes, printing one line per outcome (an assertion that throws prints its message). */
const ASSERTIONS = `
console.log('imported');
const attempt = (name, assertion) => { try { assertion(); console.log(name + ': passed'); } catch (error) { console.log(name + ': ' + error.message.split('\\n')[0]); } };
attempt('valid', () => chai.expect(${VALID}).to.satisfyContract());
attempt('invalid', () => chai.expect(${INVALID}).not.to.satisfyContract());
attempt('invalid asserted valid', () => chai.expect(${INVALID}).to.satisfyContract());
`;

const ESM = `import * as chai from 'chai';\nimport stiggContract from 'stigg-contract/chai';\nchai.use(stiggContract);\n${ASSERTIONS}`;
const CJS = `const chai = require('chai');\nconst { stiggContract } = require('stigg-contract/chai');\nchai.use(stiggContract);\n${ASSERTIONS}`;

describe('stigg-contract/chai as installed: ESM import, CommonJS require, lazy contract', function () {
  this.timeout(60_000);
  let dir: string;
  let broken: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'chai-package-'));
    broken = mkdtempSync(join(tmpdir(), 'chai-package-broken-'));
    installed(dir);
    installed(broken, 'openapi: [unclosed\n');
    for (const where of [dir, broken]) {
      writeFileSync(join(where, 'suite.mjs'), ESM);
      writeFileSync(join(where, 'suite.cjs'), CJS);
    }
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(broken, { recursive: true, force: true });
  });

  const lines = async (where: string, script: string): Promise<string[]> => (await run(process.execPath, [script], { cwd: where, timeout: 30_000 })).stdout.trim().split('\n');

  for (const script of ['suite.mjs', 'suite.cjs']) {
    it(`${script}: loads, passes a conforming response, fails a broken one`, async () => {
      const out = await lines(dir, script);
      expect(out.slice(0, 3)).to.deep.equal(['imported', 'valid: passed', 'invalid: passed']);
      expect(out[3]).to.match(/^invalid asserted valid: expected response 200 to satisfy PATCH /);
    });

    it(`${script}: a broken contract never breaks the import; every assertion (negated too) reports it`, async () => {
      const out = await lines(broken, script);
      expect(out[0]).to.equal('imported');
      expect(out.slice(1)).to.have.length(3);
      for (const line of out.slice(1)) expect(line).to.match(/: stigg-contract\/chai: cannot check against the contract: .*stigg-api\.openapi\.yaml is not valid YAML/);
    });
  }
});
