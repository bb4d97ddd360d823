/**
 * The seed matrix: verify against every broken provider and every legitimate variant, on five seeds each, printed
 * as a table (`npm run e2e:seeds`). A broken provider must be caught by its named check on every seed, a legitimate
 * one clean on every seed. `npm test` runs the legitimate variants on five seeds and the broken ones on the phases
 * that are the same whatever the seed; this shows the whole matrix, with timings, for the docs and the closing note.
 * The providers on real stacks (test/fixtures/stacks/) follow. `npm run e2e:seeds -- --stacks` runs only those.
 */
import { BROKEN } from '../fixtures/providers/broken.js';
import { LEGITIMATE } from '../fixtures/providers/legitimate.js';
import { startVariantProvider, type Departure } from '../fixtures/providers/proxy.js';
import { STACKS } from '../fixtures/stacks/catalogue.js';
import type { RunningStack } from '../fixtures/stacks/running.js';
import { runVerify } from '../runners/verify/helpers.js';

const API_KEY = 'seed-matrix-key';
const SEEDS = [11, 22, 33, 44, 55];

interface Row { readonly id: string; readonly expect: string; readonly cells: string[]; readonly ms: number }

type Start = (apiKey: string) => Promise<RunningStack>;
const proxied = (make: (apiKey: string) => Departure): Start => (apiKey) => startVariantProvider(make(apiKey), apiKey);

/** One verify run: the checks with violations, and how long it took. */
async function run(start: Start, seed: number): Promise<{ failed: Set<string>; ms: number }> {
  const provider = await start(API_KEY);
  const started = performance.now();
  try {
    const { report } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, seed, runs: 200, timeoutMs: 1000, shrinkMs: 0 });
    return { failed: new Set(report.findings.filter((g) => g.kind === 'violation').map((g) => g.check)), ms: performance.now() - started };
  } finally {
    await provider.close();
  }
}

/** One row: the provider run on every seed, each run's checks with violations turned into a cell. */
async function row(id: string, expect: string, start: Start, cell: (failed: Set<string>) => string): Promise<Row> {
  const cells: string[] = [];
  let ms = 0;
  for (const seed of SEEDS) {
    const result = await run(start, seed);
    ms += result.ms;
    cells.push(cell(result.failed));
  }
  return { id, expect, cells, ms };
}

const caught = (check: string) => (failed: Set<string>) => (failed.has(check) ? 'caught' : 'MISSED');
const clean = (failed: Set<string>) => (failed.size === 0 ? 'clean' : `FALSE ALARM (${[...failed].join(', ')})`);

const onlyStacks = process.argv.includes('--stacks');
const rows: Row[] = [];
if (!onlyStacks) {
  for (const broken of BROKEN) rows.push(await row(`broken ${broken.id}`, broken.caughtBy, proxied(broken.make), caught(broken.caughtBy)));
  for (const variant of LEGITIMATE) rows.push(await row(`legitimate ${variant.id}`, 'clean', proxied(variant.make), clean));
}
for (const entry of STACKS) {
  const expected = 'clean' in entry.expect ? 'clean' : entry.expect.caughtBy;
  const cell = 'clean' in entry.expect ? clean : caught(entry.expect.caughtBy);
  const kind = 'clean' in entry.expect ? 'legitimate' : 'broken';
  rows.push(await row(`${entry.stack} ${kind} ${entry.id}`, expected, entry.start, cell));
}

console.log(`| provider | expected | ${SEEDS.map((seed) => `seed ${seed}`).join(' | ')} | ms per run |`);
console.log(`|---|---|${SEEDS.map(() => '---').join('|')}|---|`);
for (const row of rows) console.log(`| ${row.id} | ${row.expect} | ${row.cells.join(' | ')} | ${Math.round(row.ms / SEEDS.length)} |`);
const wrong = rows.filter((row) => row.cells.some((cell) => cell === 'MISSED' || cell.startsWith('FALSE')));
const brokenRows = rows.filter((row) => row.expect !== 'clean');
const cleanRows = rows.filter((row) => row.expect === 'clean');
const perSeed = SEEDS.map((seed, index) => `seed ${seed}: ${brokenRows.filter((row) => row.cells[index] === 'caught').length}/${brokenRows.length} caught, ${cleanRows.filter((row) => row.cells[index] === 'clean').length}/${cleanRows.length} clean`);
console.log(`\n${perSeed.join('\n')}\n${wrong.length === 0 ? 'every broken provider caught and every legitimate one clean, on every seed' : `${wrong.length} rows wrong`}`);
process.exitCode = wrong.length === 0 ? 0 : 1;
