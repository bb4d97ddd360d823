/**
 * verify against providers built on real stacks (test/fixtures/stacks/): Fastify, Express 5 and Python's standard
 * library, each an independent implementation of the contract. Every legitimate one must be clean, every broken one
 * caught by its named check; a trigger sent by hand shows, for the subtler mistakes, that the bug is real.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { STACKS, type StackCase } from '../../fixtures/stacks/catalogue.js';
import { TRIGGERS } from '../../fixtures/stacks/triggers.js';
import { failedChecks, limiter, runVerify } from './helpers.js';

const API_KEY = 'stacks-e2e-Key';
const SEED = 11;
/** The references also pass the committed pacts (Pact's verifier, its state changes included). */
const WITH_PACTS = new Set(['fastify-reference', 'express-reference', 'python-reference']);

interface Outcome {
  readonly failed: string[];
  readonly exitCode: number;
  readonly stopped: boolean;
  readonly teardownProblems: readonly string[];
  readonly failedPacts: string[];
  readonly first: string[];
}

/**
 * One verify run against the entry's stack. A broken one runs only its named check, with one random case (the catch
 * must come from the phases that are the same whatever the seed), and stops at the catch when one is expected (what
 * comes after cannot undo it).
 */
async function run(entry: StackCase): Promise<Outcome> {
  const stack = await entry.start(API_KEY);
  const stop = new AbortController();
  const stopAtCatch = 'caughtBy' in entry.expect ? entry.expect.caughtBy : undefined;
  try {
    const settings = 'clean' in entry.expect ? { runs: 20, shrinkMs: 2000, skipPacts: !WITH_PACTS.has(entry.id) } : { runs: 1, shrinkMs: 0, checks: [entry.expect.caughtBy] };
    const { report, exitCode, summary } = await runVerify({ baseUrl: stack.url, stateUrl: stack.stateUrl, apiKey: API_KEY, seed: SEED, timeoutMs: 2000, ...settings, signal: stop.signal }, {
      onExchange: (_exchange, runs) => {
        if (runs.some((check) => check.check === stopAtCatch && check.outcome.status === 'failed' && check.outcome.findings.some((finding) => finding.kind === 'violation'))) stop.abort();
      },
    });
    return {
      failed: failedChecks(report),
      exitCode,
      stopped: summary.stopped !== undefined,
      teardownProblems: summary.teardownProblems,
      failedPacts: report.pacts.filter((pact) => !pact.passed).map((pact) => `${pact.description}: ${pact.message ?? ''}`),
      first: report.findings.filter((group) => group.kind === 'violation').slice(0, 5).map((group) => `${group.check}: ${group.finding.message} (${group.finding.request.path.slice(0, 80)} → ${group.finding.actual.slice(0, 80)})`),
    };
  } finally {
    await stack.close();
  }
}

const STACKS_DIR = fileURLToPath(new URL('../../fixtures/stacks/', import.meta.url));
/** The packages a stack may use besides Node's built-ins: its framework and its libraries, never the harness. */
const STACK_PACKAGES = /^(fastify|express|validator)(\/|$)/;

describe('providers on real stacks: independent of the harness', () => {
  it('import only Node built-ins, their frameworks and modules of test/fixtures/stacks (nothing of src/)', () => {
    const files = readdirSync(STACKS_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).to.be.greaterThan(10);
    for (const file of files) {
      const source = readFileSync(join(STACKS_DIR, file), 'utf8');
      for (const [, specifier = ''] of source.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'/g)) {
        const inside = specifier.startsWith('.') && !relative(STACKS_DIR, resolve(STACKS_DIR, file, '..', specifier)).startsWith('..');
        expect(specifier.startsWith('node:') || STACK_PACKAGES.test(specifier) || inside, `${file} imports ${specifier}`).to.equal(true);
      }
    }
  });
});

describe('providers on real stacks: each subtle mistake is real, shown by hand where the stack\'s reference gets it right', () => {
  /** What the trigger gets from a fresh stack. */
  async function answer(entry: StackCase, trigger: (typeof TRIGGERS)[string]): Promise<string> {
    const stack = await entry.start(API_KEY);
    try {
      return await trigger.run(stack, API_KEY);
    } finally {
      await stack.close();
    }
  }

  it('has triggers for broken entries only', () => {
    const broken = STACKS.filter((entry) => 'caughtBy' in entry.expect).map((entry) => entry.id);
    expect(Object.keys(TRIGGERS).length).to.be.greaterThan(5);
    expect(broken).to.include.members(Object.keys(TRIGGERS));
  });

  for (const [id, trigger] of Object.entries(TRIGGERS)) {
    it(`${id} answers ${trigger.shows} to ${trigger.sends}, where its stack's reference does not`, async () => {
      const entry = STACKS.find((candidate) => candidate.id === id);
      const reference = STACKS.find((candidate) => candidate.stack === entry?.stack && candidate.layer === 'reference');
      if (!entry || !reference) throw new Error(`no entry or reference for ${id}`);
      expect(await answer(entry, trigger)).to.equal(trigger.shows);
      expect(await answer(reference, trigger)).to.not.equal(trigger.shows);
    });
  }
});

describe('verify on providers built on real stacks (Fastify, Express 5, Python)', function () {
  this.timeout(60_000);
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  // Three runs at a time, each against a stack of its own; every test awaits its own run.
  const limit = limiter(3);
  const runs = new Map<string, Promise<Outcome>>();
  before(() => {
    for (const entry of STACKS) runs.set(entry.id, limit(() => run(entry)));
  });

  it('has a reference on each stack and a broken provider for each layer, each id once', () => {
    expect(new Set(STACKS.map((entry) => entry.id)).size).to.equal(STACKS.length);
    const references = STACKS.filter((entry) => entry.layer === 'reference' && 'clean' in entry.expect);
    expect(references.map((entry) => entry.stack).sort()).to.deep.equal(['express', 'fastify', 'python']);
    const brokenLayers = new Set(STACKS.filter((entry) => 'caughtBy' in entry.expect).map((entry) => entry.layer));
    expect([...brokenLayers].sort()).to.include.members(['authentication', 'body parsers', 'serializers', 'state transitions', 'stores and lookups', 'type coercion', 'validators']);
  });

  for (const entry of STACKS) {
    const expected = 'clean' in entry.expect ? 'clean' : `caught by ${entry.expect.caughtBy}`;
    it(`${entry.id} [${entry.stack}, ${entry.layer}]: ${expected}`, async () => {
      const outcome = await runs.get(entry.id);
      if (!outcome) throw new Error(`no run for ${entry.id}`);
      const why = JSON.stringify(outcome.first);
      if ('clean' in entry.expect) {
        expect(outcome.failed, why).to.deep.equal([]);
        expect(outcome.failedPacts).to.deep.equal([]);
        expect(outcome.exitCode).to.equal(0);
        expect(outcome.stopped).to.equal(false);
      } else {
        expect(outcome.failed, why).to.include(entry.expect.caughtBy);
        expect(outcome.exitCode).to.equal(1);
      }
      // Stopped early or not, the run undid every state change it made.
      expect(outcome.teardownProblems).to.deep.equal([]);
    });
  }

  it('no stack polluted a prototype shared by the test process (the plain-object store and the whitelists included)', async () => {
    await Promise.all(runs.values());
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(prototypeBefore);
  });
});
