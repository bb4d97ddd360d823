/**
 * Start-up of what users install, side by side in one run: a bare `node -e 0`, the built CLI's `--help` and
 * `--version` (which load only argv parsing: target at most 4x bare node), importing the library and the chai
 * plugin (and its first assertion, which opens the contract), and `validate` (a command that does load the
 * contract). Each is spawned in turn, round after round, so load on the machine hits all alike; the median of the
 * rounds is reported.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchModule } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const ROUNDS = 15;
// The chai plugin opens and compiles the contract on the first assertion, not at import: this measures both.
const CHAI_FIRST_ASSERTION = "const chai = await import('chai'); chai.use((await import('stigg-contract/chai')).default); " +
  "chai.expect({ status: 401, headers: { 'content-type': 'application/json' }, body: { message: 'x', code: 'Unauthenticated' } }).to.satisfyContract();";

const CASES: readonly (readonly [string, readonly string[], string?])[] = [
  ['node -e 0', ['-e', '0']],
  ['stigg-contract --help', [BIN, '--help']],
  ['stigg-contract --version', [BIN, '--version']],
  ['stigg-contract verify --help', [BIN, 'verify', '--help']],
  ['stigg-contract lint --help', [BIN, 'lint', '--help']],
  ["import('stigg-contract')", ['--input-type=module', '-e', "await import('stigg-contract')"]],
  ["import('stigg-contract/chai')", ['--input-type=module', '-e', "await import('stigg-contract/chai')"]],
  ["import('stigg-contract/chai') + first assertion", ['--input-type=module', '-e', CHAI_FIRST_ASSERTION]],
  ['stigg-contract validate response', [BIN, 'validate', 'response'], '{"status":401,"headers":{"content-type":"application/json"},"body":{"message":"x","code":"Unauthenticated"}}'],
];

function timeMs(args: readonly string[], input: string | undefined): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [...args], { cwd: ROOT, input: input ?? '', stdio: ['pipe', 'ignore', 'pipe'] });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr.toString()}`);
  return performance.now() - started;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export const bench: BenchModule = async (context) => {
  const samples = CASES.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round += 1) CASES.forEach(([, args, input], i) => samples[i]?.push(timeMs(args, input)));
  const bare = median(samples[0] ?? []);
  CASES.forEach(([name], i) => {
    const ms = median(samples[i] ?? []);
    context.record({ name: `start-up: ${name}`, value: ms, unit: 'ms', ...(i > 0 ? { note: `${(ms / bare).toFixed(2)}x bare node${i <= 4 ? '; target <= 4x' : ''}` } : {}) });
  });
};
