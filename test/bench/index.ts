/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line) in one process, so ratios
 * between measurements are taken on the same machine at the same moment, and prints one table.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { createContext, type BenchModule, type Measurement } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

const all: Measurement[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { bench: BenchModule };
  const measurements: Measurement[] = [];
  const started = performance.now();
  await module.bench(createContext(measurements));
  process.stdout.write(`\n## ${file} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  for (const m of measurements) {
    const value = Number.isInteger(m.value) ? String(m.value) : m.value.toFixed(m.value < 10 ? 3 : 1);
    process.stdout.write(`${m.name.padEnd(58)} ${value.padStart(12)} ${m.unit}${m.note ? `  (${m.note})` : ''}\n`);
  }
  all.push(...measurements);
}
process.stdout.write(`\n${all.length} measurements, node ${process.version}, ${new Date().toISOString()}\n`);
