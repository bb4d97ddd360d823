import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = (layer: string): [string, string][] => {
  const dir = fileURLToPath(new URL(`../../src/${layer}/`, import.meta.url));
  return readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => [name, readFileSync(`${dir}${name}`, 'utf8')]);
};
const imports = (text: string): string[] => [...text.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map((match) => match[1] ?? '');

describe('layer rules', () => {
  it('checks import only contract, lint, validators, arbitraries and errors, and no I/O modules', () => {
    for (const [name, text] of source('checks')) {
      for (const target of imports(text)) {
        expect(target, `${name} imports ${target}`).to.match(/^\.\/|^\.\.\/(contract|lint|validators|arbitraries)\/|^\.\.\/errors\.js$/);
      }
    }
  });

  it('report imports no runner, CLI, provider or pact code', () => {
    for (const [name, text] of source('report')) {
      for (const target of imports(text)) expect(target, `${name} imports ${target}`).to.not.match(/\/(runners|cli|provider|pact)\//);
    }
  });

  it('keeps one check per file, each listed in the registry', () => {
    const registry = readFileSync(fileURLToPath(new URL('../../src/checks/registry.ts', import.meta.url)), 'utf8');
    const checkFiles = source('checks').filter(([, text]) => /^export const \w+: Check = \{/m.test(text));
    for (const [name, text] of checkFiles) {
      expect(text.match(/: Check = \{/g), name).to.have.length(1);
      expect(registry, name).to.contain(`from './${name.replace(/\.ts$/, '.js')}'`);
    }
  });
});
