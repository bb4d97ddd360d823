import { expect } from 'chai';
import { CHECK_IDS, CHECKS, createCheckContext } from '../../../src/checks/index.js';
import { openContract } from '../../../src/validators/index.js';
import { BROKEN } from '../../fixtures/providers/broken.js';
import { everyLegitimateDeparture, LEGITIMATE } from '../../fixtures/providers/legitimate.js';
import { startVariantProvider, type Departure } from '../../fixtures/providers/proxy.js';
import { limiter, runVerify } from './helpers.js';
import { judgedTally, underJudged } from './judged.js';

const API_KEY = 'e2e-key-for-legitimate-providers';
/** Five fixed seeds: the verdict must not depend on the draw. */
const SEEDS = [11, 22, 33, 44, 55] as const;

/** The variant at `index` runs on one of the seeds, in turn. */
const seedOf = (index: number): number => SEEDS[index % SEEDS.length] ?? SEEDS[0];

const limit = limiter(3);

/**
 * One verify run against a provider departing as given: its violations (none expected), exit code, wait, and the
 * checks that judged fewer exchanges than the run planned for them (none expected: a check that judges nothing fails).
 */
async function clean(departure: Departure, seed: number, options: { skipPacts?: boolean } = {}) {
  const provider = await startVariantProvider(departure, API_KEY);
  const counter = judgedTally(createCheckContext(await openContract()), CHECKS);
  try {
    const { report, exitCode, summary } = await runVerify({ baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, seed, runs: 20, timeoutMs: 2000, ...options }, counter);
    const violations = report.findings.filter((g) => g.kind === 'violation').map((g) => `${g.check}: ${g.finding.message} (${g.finding.request.method} ${g.finding.request.path.slice(0, 60)} → ${g.finding.actual.slice(0, 80)})`);
    const failedPacts = report.pacts.filter((p) => !p.passed).map((p) => `${p.description}: ${p.message ?? ''}`);
    return { seed, exitCode, violations, failedPacts, summary, waitedMs: report.meta.rateLimitWaitMs ?? 0, underJudged: underJudged(counter.tally), tally: counter.tally };
  } finally {
    await provider.close();
  }
}

/**
 * Each legitimate variant alone on one of the five seeds (in turn), and all of them at once on every seed.
 * `npm run e2e:seeds` runs the whole matrix, every variant on every seed (docs/seed-matrix.md has its table).
 */
describe('verify passes every legitimate variant provider, on every seed', function () {
  this.timeout(120_000);

  it('every check ships with a broken provider it catches and a legitimate variant it passes', () => {
    expect(new Set(LEGITIMATE.map((v) => v.id)).size).to.equal(LEGITIMATE.length);
    const exercised = new Set(LEGITIMATE.flatMap((v) => v.exercises));
    const caught = new Set(BROKEN.map((b) => b.caughtBy));
    expect(CHECK_IDS.filter((id) => !exercised.has(id)), 'checks no legitimate variant exercises').to.deep.equal([]);
    expect(CHECK_IDS.filter((id) => !caught.has(id)), 'checks no broken provider proves').to.deep.equal([]);
    expect([...exercised].filter((id) => !CHECK_IDS.includes(id))).to.deep.equal([]);
  });

  // The runs start together, three at a time (most of a run's time is waiting on the wire: slow answers, the limiter's
  // Retry-After, reconnections), each against a provider of its own; every test awaits its own run.
  const runs = new Map<string, ReturnType<typeof clean>>();
  const plan: Array<[string, () => ReturnType<typeof clean>]> = [
    ...LEGITIMATE.map((variant, index): [string, () => ReturnType<typeof clean>] => [variant.id, () => clean(variant.make(API_KEY), seedOf(index))]),
    ...SEEDS.map((seed): [string, () => ReturnType<typeof clean>] => [`all:${seed}`, () => clean(everyLegitimateDeparture(API_KEY), seed, { skipPacts: seed !== SEEDS[0] })]),
  ];
  before(() => {
    for (const [id, run] of plan) runs.set(id, limit(run));
  });

  for (const [index, variant] of LEGITIMATE.entries()) {
    it(`${variant.id} (seed ${seedOf(index)}): ${variant.departure}`, async () => {
      const result = await runs.get(variant.id);
      expect(result?.violations).to.deep.equal([]);
      expect(result?.underJudged).to.deep.equal([]);
      expect(result?.exitCode).to.equal(0);
      expect(result?.summary.stopped).to.equal(undefined);
      // Behind the gateway's limiter the run backs off as told, and says how long it waited.
      if (variant.id === 'global-rate-limiter') expect(result?.waitedMs).to.be.greaterThan(0);
    });
  }

  for (const seed of SEEDS) {
    it(`every legitimate departure at once (seed ${seed})${seed === SEEDS[0] ? ', the pacts included' : ''}`, async () => {
      const result = await runs.get(`all:${seed}`);
      expect(result?.failedPacts).to.deep.equal([]);
      if (seed === SEEDS[0]) expect(result?.summary.pacts).to.include({ ran: true, passed: true });
      expect(result?.violations).to.deep.equal([]);
      expect(result?.underJudged).to.deep.equal([]);
      expect(result?.exitCode).to.equal(0);
      expect(result?.summary.stopped).to.equal(undefined);
    });
  }
});
