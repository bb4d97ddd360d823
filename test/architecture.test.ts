import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
/**
 * Layers in dependency order (DESIGN.md): a module may import only from its own layer and the ones before it.
 * Runners emit events (src/checks/events.ts) that the report layer listens to, so runners never import report.
 * `provider` stands apart: it may import nothing of the harness, so it can catch the harness' mistakes.
 */
const LAYERS = ['contract', 'lint', 'validators', 'arbitraries', 'client', 'checks', 'pact', 'runners', 'report', 'cli'];
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

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => resolve(dirname(file), m[1] ?? ''));
}

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
});
