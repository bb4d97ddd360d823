/** The mocha config orders the test files (the long end-to-end ones first); the order must not lose or repeat one. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir: string, ending = '.test.ts'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path, ending) : name.endsWith(ending) ? [relative(ROOT, path)] : [];
  });
}

describe('the mocha config', () => {
  it('names some files first and runs every other test file through a catch-all that leaves out exactly those', () => {
    // mocha strips comments from .mocharc.json; whole-line `//` comments are all it holds.
    const text = readFileSync(join(ROOT, '.mocharc.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const spec = (JSON.parse(text) as { spec: string[] }).spec;
    const catchAll = spec.at(-1) ?? '';
    const first = spec.slice(0, -1);
    const left = /^test\/\*\*\/!\(([^)]*)\)\.test\.ts$/.exec(catchAll)?.[1]?.split('|');
    expect(left, `the last spec is the catch-all: ${catchAll}`).to.be.an('array');
    const all = testFiles(join(ROOT, 'test'));
    for (const file of first) expect(all, file).to.include(file);
    expect([...(left ?? [])].sort()).to.deep.equal(first.map((file) => basename(file, '.test.ts')).sort());
    // No other test file shares a left-out name, or the catch-all would skip it too.
    const leftOut = all.filter((file) => left?.includes(basename(file, '.test.ts')));
    expect(leftOut.sort()).to.deep.equal([...first].sort());
  });

  it('the quick tier (.mocharc.quick.json) leaves out only end-to-end files that exist, never a black box of a command', () => {
    const text = readFileSync(join(ROOT, '.mocharc.quick.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const quick = JSON.parse(text) as { spec: string[]; ignore: string[] };
    const all = testFiles(join(ROOT, 'test'));
    for (const file of quick.ignore) expect(all, `${file} (left out of the quick tier) does not exist`).to.include(file);
    expect(new Set(quick.ignore).size).to.equal(quick.ignore.length);
    // One end-to-end run per command: the built bin's black box (every command but serve and mock), and theirs.
    const blackBoxes = ['test/cli/black-box.test.ts', 'test/provider/serve-cli.test.ts', 'test/runners/mock/cli.test.ts'];
    expect(quick.ignore.filter((file) => blackBoxes.includes(file))).to.deep.equal([]);
    expect(quick.spec).to.deep.equal(['test/cli/black-box.test.ts', 'test/**/!(black-box).test.ts']);
  });
});

describe('the suite and the machine it runs on', () => {
  it('hands no child process the machine\'s own environment: STIGG_* and PACT_BROKER_* would change what it tests', () => {
    // Every environment a test builds goes through cleanEnv (test/helpers/cli.ts), the one place that filters them.
    const sources = [...testFiles(join(ROOT, 'test'), '.ts'), ...testFiles(join(ROOT, 'test'), '.mjs')].filter((file) => file !== join('test', 'helpers', 'cli.ts'));
    const ambient = sources.filter((file) => /\.\.\.process\.env\b|\}\s*=\s*process\.env\b/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(ambient).to.deep.equal([]);
  });
});
