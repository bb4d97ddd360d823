/**
 * The library surface as installed: the built entry (`stigg-contract`, npm test builds first) exports exactly what
 * the README's table lists, and every `import { ... } from 'stigg-contract'` in the README and docs/ names an export.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';

const ROOT = new URL('../', import.meta.url);
const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
const docs = readdirSync(new URL('docs/', ROOT)).filter((f) => f.endsWith('.md')).map((f) => readFileSync(new URL(`docs/${f}`, ROOT), 'utf8'));

/** The names in the first column of the README's export table. */
function documented(): Set<string> {
  const table = readme.slice(readme.indexOf('| export | what |'));
  const rows = table.split('\n').slice(2).filter((line) => line.startsWith('| `'));
  return new Set(rows.flatMap((row) => [...(row.split(' | ')[0] ?? '').matchAll(/`([A-Za-z_]+)`/g)].map((m) => m[1] ?? '')));
}

/** Type-only exports, read from the surface's source (types leave no trace at run time). */
function typeExports(): Set<string> {
  const source = readFileSync(new URL('src/api.ts', ROOT), 'utf8');
  const inline = [...source.matchAll(/\btype ([A-Za-z]+)/g)].map((m) => m[1] ?? '');
  const blocks = [...source.matchAll(/export type \{([^}]+)\}/g)].flatMap((m) => (m[1] ?? '').split(',').map((name) => name.trim()));
  return new Set([...inline, ...blocks].filter(Boolean));
}

describe('the library surface (stigg-contract) and the docs stay in step', () => {
  it('exports exactly what the README lists, values and types', async () => {
    const api = (await import('stigg-contract')) as Record<string, unknown>;
    const exported = new Set([...Object.keys(api), ...typeExports()]);
    const listed = documented();
    expect([...listed].filter((name) => !exported.has(name)), 'listed but not exported').to.deep.equal([]);
    expect([...exported].filter((name) => !listed.has(name)), 'exported but not listed').to.deep.equal([]);
  });

  it('every import from the package in the README and docs/ names an export', async () => {
    const api = (await import('stigg-contract')) as Record<string, unknown>;
    const imports = [readme, ...docs].flatMap((text) => [...text.matchAll(/import \{([^}]+)\} from 'stigg-contract'/g)].flatMap((m) => (m[1] ?? '').split(',').map((n) => n.trim())));
    expect(imports.length).to.be.greaterThan(5);
    expect(imports.filter((name) => !(name in api) && !typeExports().has(name))).to.deep.equal([]);
    const chai = (await import('stigg-contract/chai')) as { default: unknown };
    expect(chai.default).to.be.a('function');
  });

  it('verify() needs no argument but what it is asked to change: defaults for the rest, no listener', async () => {
    const { verify, VERIFY_DEFAULTS } = (await import('stigg-contract')) as typeof import('../src/api.js');
    expect(VERIFY_DEFAULTS).to.deep.equal({ runs: 200, timeoutMs: 5000, stateTimeoutMs: 10_000, pactTimeoutMs: 300_000, concurrency: 4, strictContract: false, failOnDrift: false, maxBodyBytes: 2 ** 20, maxDurationMs: 600_000, maxBackoffMs: 5000, waitBudgetMs: 60_000, shrinkMs: 15_000, existingFixtures: 12, systematic: true, failures: '.stigg-contract/failures', keepFixed: false, confirm: 2, randomSeeds: 1 });
    const result = await verify({ runs: 5, seed: 7, skipPacts: true, systematic: false, failures: false });
    expect(result.exitCode, JSON.stringify(result.report.totals)).to.equal(0);
    expect(result.seed).to.equal(7);
    expect(result.embedded).to.equal(true);
    expect(result.pacts).to.deep.equal({ ran: false, reason: 'skipPacts is set' });
    // Every phase of the plan, in order, each with what it sent or why it was skipped; the report shows the same.
    expect(result.phases.map((outcome) => (outcome.ran ? `${outcome.phase}: ${outcome.cases > 0}` : `${outcome.phase}: ${outcome.reason}`))).to.deep.equal([
      'failures: no failure database (--no-failures)', 'pacts: skipPacts is set', 'pact-teardowns: phase 1 did not run', 'systematic: systematic is off', 'random: true', 'confirm: no finding to confirm', 'states: true',
    ]);
    expect(result.report.phases).to.deep.equal(result.phases);
    expect(result.report.meta.seed).to.equal(7);
  });

  it('verify() takes a contract first too, and then the options and the listener', async () => {
    const { verify, openContract } = (await import('stigg-contract')) as typeof import('../src/api.js');
    let exchanges = 0;
    const result = await verify(await openContract(), { runs: 3, seed: 8, skipPacts: true, systematic: false, failures: false }, { onExchange: () => void exchanges++ });
    expect(result.seed).to.equal(8);
    expect(exchanges).to.equal(result.report.totals.exchanges).and.be.above(0);
    const optionsFirst = await verify({ runs: 3, seed: 9, skipPacts: true, systematic: false, failures: false }, { onExchange: () => void exchanges++ });
    expect(optionsFirst.seed).to.equal(9);
    expect(exchanges).to.equal(result.report.totals.exchanges + optionsFirst.report.totals.exchanges);
  });
});
