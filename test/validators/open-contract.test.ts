import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { DEFAULT_CONTRACT_FILE } from '../../src/contract/index.js';
import { ContractLoadError } from '../../src/errors.js';
import { openContract } from '../../src/validators/index.js';

const OTHER = new URL('../fixtures/contracts/other-operation.yaml', import.meta.url).pathname;

describe('openContract: one opened contract per file text, shared and frozen', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'open-contract-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same opened contract for the same file, and another for another operation of one file', async () => {
    expect(await openContract()).to.equal(await openContract(DEFAULT_CONTRACT_FILE));
    const widget = await openContract(OTHER, 'replaceWidget');
    expect(widget).to.equal(await openContract(OTHER, 'replaceWidget'));
    expect(widget).to.not.equal(await openContract(OTHER, 'GET /v2/health'));
  });

  it('opens an edited file afresh: the cache is keyed by the text, read every time', async () => {
    const file = join(dir, 'contract.yaml');
    copyFileSync(DEFAULT_CONTRACT_FILE, file);
    const before = await openContract(file);
    expect(before.contract.file).to.equal(file);
    writeFileSync(file, readFileSync(DEFAULT_CONTRACT_FILE, 'utf8').replace('version: 7.64.2', 'version: 7.64.3'));
    const after = await openContract(file);
    expect(after).to.not.equal(before);
    expect(after.contract.version).to.equal('7.64.3');
    expect(before.contract.version).to.equal('7.64.2');
  });

  it('shares only frozen data: a caller cannot change what the next caller gets', async () => {
    const bound = await openContract();
    expect(() => { (bound.operation as { method: string }).method = 'PUT'; }).to.throw(TypeError);
    expect(() => { (bound.contract.document as Record<string, unknown>)['openapi'] = '3.1.0'; }).to.throw(TypeError);
    expect(() => { (bound.parts.schemas.strict.path as Record<string, unknown>)['type'] = 'string'; }).to.throw(TypeError);
    expect((await openContract()).operation.method).to.equal('PATCH');
  });

  it('does not keep a failure: the file, once fixed, opens', async () => {
    const file = join(dir, 'late.yaml');
    const missing = await openContract(file).catch((error: unknown) => error);
    expect(missing).to.be.instanceOf(ContractLoadError);
    writeFileSync(file, 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n');
    const empty = await openContract(file).catch((error: unknown) => error);
    expect(empty, 'a document with no operation is refused with its own message').to.be.instanceOf(ContractLoadError);
    expect((empty as Error).message).to.match(/has no operations \(its paths hold none\)/);
    copyFileSync(DEFAULT_CONTRACT_FILE, file);
    expect((await openContract(file)).operation.method).to.equal('PATCH');
  });
});
