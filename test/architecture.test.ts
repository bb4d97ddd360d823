import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
/**
 * Layers in dependency order (DESIGN.md): a module may import only from its own layer and the ones before it.
 * Runners emit run events (src/events/) that report builders listen to; the report model sits below pact and
 * runners, so the mock and check-pact give their verdicts in it (as verify does) and report imports neither.
 * `http` (header folding, media types, content codings, Retry-After, the retry loop) is the bottom: HTTP, not the
 * contract, so it imports nothing of the project. `provider` stands apart: it may import nothing of the harness, so it
 * can catch the harness' mistakes.
 */
const LAYERS = ['http', 'contract', 'lint', 'diff', 'validators', 'arbitraries', 'client', 'checks', 'events', 'report', 'pact', 'runners', 'cli'];

/**
 * Narrower rules on top of the order: checks are pure functions of the contract's data (no client, no I/O), and
 * reports are formatters of check data (no pact, runner, CLI or provider code).
 */
const MAY_NOT_IMPORT: Readonly<Record<string, readonly string[]>> = {
  checks: ['client', 'events', 'pact', 'runners', 'report', 'cli', 'provider'],
  report: ['pact', 'runners', 'cli', 'provider'],
};
const IO_MODULES = /^node:(fs|net|http|https|child_process)|^undici$/;
// errors.ts and secrets.ts are leaves every layer may use; api.ts, verify.ts (the library's verify) and chai.ts (the
// chai plugin) are the package's public surface over all layers.
const SHARED = new Set(['errors.ts', 'secrets.ts']);
const SURFACE = new Set(['api.ts', 'verify.ts', 'chai.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports or re-exports, statically or dynamically: the one import parser of the tests. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');
}

/** The relative imports of a file, resolved to paths. */
const imports = (file: string): string[] => specifiers(file).filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s));

const layerOf = (path: string): string => relative(SRC, path).split('/')[0] ?? '';

describe('architecture: dependencies point one way', () => {
  it('every src/ folder is a known layer', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.filter((f) => !LAYERS.includes(f) && f !== 'provider')).to.deep.equal([]);
  });

  it('no layer imports from a later one', () => {
    const wrong: string[] = [];
    for (const file of files(SRC)) {
      const from = layerOf(file);
      if (from === 'provider' || SHARED.has(from) || SURFACE.has(from)) continue;
      for (const target of imports(file)) {
        const to = layerOf(target);
        if (SURFACE.has(to)) wrong.push(`${relative(SRC, file)} -> ${relative(SRC, target)} (the public surface is for users only)`);
        if (SHARED.has(to) || SURFACE.has(to) || to === from) continue;
        if (to === 'provider' ? from !== 'runners' && from !== 'cli' : LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
          wrong.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
        }
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('checks are pure (no client, events, I/O or later layer); reports are formatters (no pact, runner, CLI, provider)', () => {
    const wrong: string[] = [];
    for (const [layer, forbidden] of Object.entries(MAY_NOT_IMPORT)) {
      for (const file of files(join(SRC, layer))) {
        for (const target of imports(file)) if (forbidden.includes(layerOf(target))) wrong.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
        if (layer === 'checks') for (const module of specifiers(file)) if (IO_MODULES.test(module)) wrong.push(`${relative(SRC, file)} -> ${module} (I/O)`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('src/http is the bottom layer: it imports nothing of the project, not even the shared leaves', () => {
    const wrong = files(join(SRC, 'http')).flatMap((file) =>
      imports(file).filter((target) => layerOf(target) !== 'http').map((target) => `${relative(SRC, file)} -> ${relative(SRC, target)}`));
    expect(files(join(SRC, 'http')).length, 'src/http has modules').to.be.greaterThan(0);
    expect(wrong).to.deep.equal([]);
  });

  it('the reference provider imports nothing of the harness', () => {
    const wrong = files(join(SRC, 'provider')).flatMap((file) =>
      imports(file).filter((target) => layerOf(target) !== 'provider').map((target) => `${relative(SRC, file)} -> ${relative(SRC, target)}`));
    expect(wrong).to.deep.equal([]);
  });

  it('only src/pact imports @pact-foundation/pact, and only src/cli touches process streams and exit', () => {
    const offenders = files(SRC).filter((file) => {
      const text = readFileSync(file, 'utf8');
      const layer = layerOf(file);
      return (layer !== 'pact' && text.includes("'@pact-foundation/pact")) ||
        (layer !== 'cli' && layer !== 'provider' && /process\.(stdout|stderr)\.write|process\.exit\(/.test(text));
    });
    expect(offenders.map((f) => relative(SRC, f))).to.deep.equal([]);
  });

  it('the pact verifier child imports nothing of ours at run time (so its build copy stands in for the source)', () => {
    const child = join(SRC, 'pact/verifier-child.ts');
    const text = readFileSync(child, 'utf8');
    const runtime = [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s*'([^']+)'/gm)].map((m) => m[1] ?? '');
    expect(runtime.length, 'the child imports something').to.be.greaterThan(0);
    expect(runtime.filter((module) => !module.startsWith('node:') && !module.startsWith('@pact-foundation/'))).to.deep.equal([]);
  });
});
