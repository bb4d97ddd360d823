import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../../src/provider/', import.meta.url));

describe('provider: independence from the harness', () => {
  const files = readdirSync(folder).filter((file) => file.endsWith('.ts'));

  it('imports only node built-ins and its own modules, and never reads the contract', () => {
    expect(files.length).to.be.greaterThan(5);
    for (const file of files) {
      const source = readFileSync(folder + file, 'utf8');
      const specifiers = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'/g)].map((match) => match[1] ?? '');
      for (const specifier of specifiers) {
        expect(specifier.startsWith('node:') || /^\.\/[\w-]+\.js$/.test(specifier), `${file} imports ${specifier}`).to.equal(true);
      }
      expect(source, file).not.to.match(/import\(|require\(|openapi\.ya?ml|contracts\//);
    }
  });

  it('keeps every module small (about 150 lines at most)', () => {
    for (const file of files) {
      expect(readFileSync(folder + file, 'utf8').split('\n').length, file).to.be.at.most(150);
    }
  });
});
