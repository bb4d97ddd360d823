/**
 * mock --contract-next: the values only the next version allows (found by the diff) are served within the first
 * successes, each valid under the next version; a client that maps vendors or shapes exhaustively fails its suite,
 * a tolerant one passes, and the client report says which drift values each met and whether its run still passed.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { contractFacts } from '../../../src/checks/index.js';
import { clientVerdict, driftPlan, driftSlot, responseBodies, runClient, type ClientReport } from '../../../src/runners/mock/index.js';
import { openContract, type OperationContract } from '../../../src/validators/index.js';
import { fixtureSuite } from '../../fixtures/broken-clients/clients.js';
import { STRICT_CLIENTS } from '../../fixtures/broken-clients/strict.js';
import { API_KEY, shippedContract } from './helpers.js';

const NEXT = fileURLToPath(new URL('../../fixtures/contracts/stigg-api-7.65.0.openapi.yaml', import.meta.url));
const DRIFT = ['/data/vendorIdentifier AIRWALLEX', '/data/vendorIdentifier STRIPE_INVOICING', '/data/syncData SyncRevisionInvoicingData'];
const SEEDS = [1, 2, 3];

describe('runners/mock: drift values served ahead of the next version', function () {
  this.timeout(30_000);
  let pinned: OperationContract;
  let next: OperationContract;
  before(async () => {
    [pinned, next] = await Promise.all([shippedContract(), openContract(NEXT)]);
  });
  const step = async (id: string, seed: number, withNext = true): Promise<ClientReport> =>
    (await runClient({ contract: pinned, ...(withNext ? { next } : {}), seed, suite: fixtureSuite(id), env: { STIGG_API_KEY: API_KEY } })).done;

  it('the diff says what is new: the two vendors and the invoicing syncData, each from its change', () => {
    const plan = driftPlan(pinned, next);
    expect(plan.next).to.equal('Stigg API 7.65.0');
    expect(plan.values.map((value) => value.label)).to.deep.equal(DRIFT);
    expect(plan.values.map((value) => `${value.change.rule} ${value.change.level}`)).to.deep.equal(['enum-value-added warning', 'enum-value-added warning', 'branch-added warning']);
    expect(plan.unserved).to.deep.equal([]);
    expect(driftPlan(pinned, pinned).values).to.deep.equal([]);
  });

  it('each is served once, at successes 1, 3 and 5, valid under the next version and not under the pinned one', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((k) => driftSlot(k, 3))).to.deep.equal([undefined, 0, undefined, 1, undefined, 2, undefined, undefined]);
    const plan = driftPlan(pinned, next);
    for (const seed of SEEDS) {
      const bodies = responseBodies(pinned, contractFacts(pinned), seed, plan.values);
      const drawn = Array.from({ length: 16 }, (_, k) => bodies.draw(200, seed * 100 + k));
      expect(drawn.map((body) => body?.drift?.label).filter(Boolean)).to.deep.equal(DRIFT);
      for (const body of drawn) {
        const verdict = (contract: OperationContract): string => contract.validateResponse({ status: 200, headers: { 'content-type': 'application/json' }, body: body?.body }).verdict;
        // A drift value's body is one only the next version allows; every other body is the pinned contract's.
        if (body?.drift) expect([verdict(next), verdict(pinned)], JSON.stringify(body)).to.satisfy(([ahead, now]: string[]) => ahead !== 'violation' && now === 'violation');
        else expect(verdict(pinned), JSON.stringify(body)).to.not.equal('violation');
      }
    }
  });

  for (const seed of SEEDS) {
    it(`seed ${seed}: clients that map 7.64.2's values exhaustively fail their suite; each passes without the next version`, async () => {
      for (const client of STRICT_CLIENTS) {
        const [ahead, now] = await Promise.all([step(client.id, seed), step(client.id, seed, false)]);
        expect(now.passed, `${client.id} without --contract-next`).to.equal(true);
        expect(ahead.passed, `${client.id} with --contract-next`).to.equal(false);
        expect({ violations: ahead.verdicts.violation, message: ahead.command && 'message' in ahead.command ? ahead.command.message : '' }).to.satisfy(
          (seen: { violations: number; message: string }) => seen.violations === 0 && client.symptom.test(seen.message), client.id);
        expect(ahead.drift?.met.length, client.id).to.be.greaterThan(0);
        const notes = clientVerdict(ahead, pinned).meta.notes ?? [];
        expect(notes.find((note) => note.startsWith('drift'))).to.match(/^drift \(values only Stigg API 7\.65\.0 allows, served ahead of it\): met .*; the client's run failed after meeting them: it may break when Stigg API 7\.65\.0 arrives$/);
      }
    });

    it(`seed ${seed}: the tolerant clients (clean, SDK-shaped) meet every drift value and still pass`, async () => {
      for (const id of ['clean', 'sdk']) {
        const report = await step(id, seed);
        expect(report.passed, id).to.equal(true);
        expect(report.drift?.met.map((met) => met.value).sort(), id).to.deep.equal([...DRIFT].sort());
        expect(report.drift?.notMet, id).to.deep.equal([]);
        const verdict = clientVerdict(report, pinned);
        expect(verdict.meta.notes?.find((note) => note.startsWith('drift'))).to.match(/met .*AIRWALLEX ×1.*; the client's run still passed: it tolerates them$/);
        expect(verdict.coverage.find((line) => line.name === 'drift values (Stigg API 7.65.0)')?.notCovered).to.deep.equal([]);
      }
    });
  }
});
