/**
 * What users install: no install-time script that needs this project's devDependencies, where the source and issues
 * live, and `--help` of the heavy commands loading nothing but argument parsing (Ajv, YAML, fast-check and Pact load
 * when a command runs, not to print its help).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { BIN, cleanEnv } from './helpers/cli.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>; repository?: { url?: string }; bugs?: { url?: string }; homepage?: string;
};
const RECORDER = fileURLToPath(new URL('./fixtures/import-recorder/register.mjs', import.meta.url));

/** The packages a run of the built CLI resolves, by name. */
function packagesLoaded(args: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'imports-'));
  try {
    const log = join(dir, 'imports.txt');
    const run = spawnSync(process.execPath, ['--import', RECORDER, BIN, ...args], { env: cleanEnv({ IMPORT_LOG: log }), encoding: 'utf8' });
    expect(run.status, run.stderr).to.equal(0);
    const urls = readFileSync(log, 'utf8').split('\n');
    return [...new Set(urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []))].sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the package as installed', function () {
  this.timeout(30_000);

  it('ships no script npm runs at install (prepare, install, ...): its build needs devDependencies', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare']) expect(pkg.scripts, hook).not.to.have.property(hook);
    // The build runs where it is needed: npm start, npm test (tsc -b), npm pack (prepack).
    expect(pkg.scripts['start']).to.match(/^npm run build/);
    expect(pkg.scripts['test']).to.match(/^tsc -b && /);
    expect(pkg.scripts['prepack']).to.equal('npm run build');
  });

  it('says where its source and its issues are', () => {
    expect(pkg.repository?.url).to.match(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
    const repo = pkg.repository?.url?.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(pkg.bugs?.url).to.equal(`${repo}/issues`);
    expect(pkg.homepage).to.equal(`${repo}#readme`);
  });

  for (const command of ['verify', 'lint']) {
    it(`${command} --help loads nothing but argument parsing, as --help does`, () => {
      expect(packagesLoaded(['--help'])).to.deep.equal(['commander']);
      expect(packagesLoaded([command, '--help'])).to.deep.equal(['commander']);
    });
  }
});
