import { expect } from 'chai';
import { COMMANDS, commandNamed } from '../../src/cli/command-catalogue.js';

describe('cli: the command catalogue (lazy loading)', () => {
  it('lists each command under its module\'s own name and description', async () => {
    for (const entry of COMMANDS) {
      const module = await entry.load();
      expect(module.name).to.equal(entry.name);
      const { Command } = await import('commander');
      const defined = module.define(new Command(module.name));
      expect(defined.description(), entry.name).to.equal(entry.summary);
    }
  });

  it('finds the command an argv runs: the first word, or the word after help', () => {
    expect(commandNamed(['verify', '--runs', '5'])?.name).to.equal('verify');
    expect(commandNamed(['--no-color', 'lint'])?.name).to.equal('lint');
    expect(commandNamed(['help', 'publish'])?.name).to.equal('publish');
    expect(commandNamed(['--help'])).to.equal(undefined);
    expect(commandNamed(['nonsense'])).to.equal(undefined);
  });
});
