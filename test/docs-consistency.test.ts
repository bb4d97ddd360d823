/**
 * The README, `--help` and docs/seed-matrix.md say the same thing about the proof: how many broken and legitimate
 * providers (and broken clients) there are, which ones the seed matrix ran, and which phases verify runs.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { COMMANDS } from '../src/cli/command-catalogue.js';
import { PHASES } from '../src/runners/verify/phases.js';
import { BROKEN_CLIENTS } from './fixtures/broken-clients/catalogue.js';
import { BROKEN } from './fixtures/providers/broken.js';
import { LEGITIMATE } from './fixtures/providers/legitimate.js';
import { STACKS } from './fixtures/stacks/catalogue.js';

/** Every broken and every legitimate provider: the variants of the reference provider and those on real stacks. */
const BROKEN_COUNT = BROKEN.length + STACKS.filter((entry) => 'caughtBy' in entry.expect).length;
const LEGITIMATE_COUNT = LEGITIMATE.length + STACKS.filter((entry) => 'clean' in entry.expect).length;

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8').replace(/\s+/g, ' ');
const numbers = (text: string, pattern: RegExp): number[] => [...text.matchAll(pattern)].map((match) => Number(match[1]));

describe('README, --help and docs/seed-matrix.md agree', () => {
  it('every count of providers and clients in the README is the fixtures\' own', () => {
    const readme = read('README.md');
    const broken = numbers(readme, /(\d+) broken (?:ones|providers)\b/g);
    const legitimate = numbers(readme, /(\d+) legitimate(?: variant)? providers\b/g);
    expect(broken.length + legitimate.length).to.be.at.least(2);
    for (const count of broken) expect(count, 'broken providers').to.equal(BROKEN_COUNT);
    for (const count of legitimate) expect(count, 'legitimate providers').to.equal(LEGITIMATE_COUNT);
    for (const count of numbers(readme, /(\d+) broken clients\b/g)) expect(count, 'broken clients').to.equal(BROKEN_CLIENTS.length);
  });

  it('the seed matrix ran exactly today\'s providers, and its totals say so', () => {
    const matrix = readFileSync(new URL('../docs/seed-matrix.md', import.meta.url), 'utf8');
    const rows = [...matrix.matchAll(/^\| (broken|legitimate) ([\w-]+) \|/gm)].map((match) => `${match[1]} ${match[2]}`);
    expect(rows.filter((row) => row.startsWith('broken ')).sort()).to.deep.equal(BROKEN.map((b) => `broken ${b.id}`).sort());
    expect(rows.filter((row) => row.startsWith('legitimate ')).sort()).to.deep.equal(LEGITIMATE.map((l) => `legitimate ${l.id}`).sort());
    const stacks = [...matrix.matchAll(/^\| (?:fastify|express|python) (?:broken|legitimate) ([\w-]+) \|/gm)].map((match) => match[1]);
    expect(stacks.sort()).to.deep.equal(STACKS.map((entry) => entry.id).sort());
    for (const [, caught, clean] of matrix.matchAll(/^seed \d+: \d+\/(\d+) caught, \d+\/(\d+) clean$/gm)) {
      expect([Number(caught), Number(clean)]).to.deep.equal([BROKEN_COUNT, LEGITIMATE_COUNT]);
    }
  });

  it('verify --help names the phases the report lists, as the README does', () => {
    const summary = COMMANDS.find((entry) => entry.name === 'verify')?.summary ?? '';
    const readme = read('README.md');
    for (const phase of ['pacts', 'systematic', 'random', 'states']) expect(summary, phase).to.contain(phase);
    expect(readme).to.contain(`(${PHASES.join(', ')})`);
  });
});
