import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { pathParamNames } from '../../../src/arbitraries/index.js';
import { ConfigurationError } from '../../../src/errors.js';
import { resolveVerifyOptions } from '../../../src/runners/verify/options.js';
import { layOutPlan } from '../../../src/runners/verify/plan.js';
import { systematicCases } from '../../../src/runners/verify/systematic.js';
import { ownerOf, parseShard, runTag, shardSeed } from '../../../src/runners/verify/campaign/shard.js';
import { randomPhaseFixtures, shareOf } from '../../../src/runners/verify/campaign/share.js';
import { randomStreams } from '../../../src/runners/verify/campaign/random-phase.js';
import { ENTRY_FORMAT, type FailureEntry } from '../../../src/runners/verify/failures/entry.js';
import { FailureStore } from '../../../src/runners/verify/failures/store.js';
import { openContract, type OperationContract } from '../../../src/validators/index.js';

describe('campaigns, piece by piece', () => {
  let contract: OperationContract;
  before(async () => {
    contract = await openContract();
  });

  describe('--shard i/n', () => {
    it('reads i/n numbered from 1, and refuses anything else with the form it takes', () => {
      expect(parseShard('2/4')).to.deep.equal({ index: 2, count: 4 });
      expect(parseShard(' 1 / 1 ')).to.deep.equal({ index: 1, count: 1 });
      for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '1/1001', '-1/2']) expect(() => parseShard(bad), bad).to.throw(ConfigurationError, /--shard takes i\/n/);
    });

    it('gives each shard a seed of its own for the random phase (the run\'s seed plus i - 1) and a tag of its own', () => {
      expect([1, 2, 3].map((index) => shardSeed(41, { index, count: 3 }))).to.deep.equal([41, 42, 43]);
      expect(shardSeed(2 ** 31 - 1, { index: 2, count: 2 })).to.equal(-(2 ** 31));
      const tags = [1, 2, 3].map((index) => runTag(41, { index, count: 3 }));
      expect(new Set(tags).size).to.equal(3);
      expect(tags.every((tag) => /^[0-9a-z]{6}$/.test(tag))).to.equal(true);
      expect(runTag(41, { index: 2, count: 3 })).to.equal(tags[1]);
      expect(runTag(42, { index: 1, count: 1 })).not.to.equal(runTag(41, { index: 1, count: 1 }));
      expect(randomStreams(41, { index: 1, count: 1 }, 3).map((stream) => [stream.seed, stream.replay.shard])).to.deep.equal([[41, undefined], [42, '2/3'], [43, '3/3']]);
    });

    it('deals every systematic case to exactly one shard, and every unit of data to the shard that sends the cases addressing it', () => {
      const names = pathParamNames(contract);
      const [customer = 'id'] = names;
      const count = 4;
      const cases = new Map<number, number>();
      const shares = [1, 2, 3, 4].map((index) => {
        const steps = layOutPlan(contract, 12, 7, runTag(7, { index, count }));
        const fixtures = steps.map((step) => step.fixture);
        const all = systematicCases(contract, fixtures);
        const share = shareOf(fixtures, all, { index, count }, names);
        for (const at of share.cases) cases.set(at, (cases.get(at) ?? 0) + 1);
        // A shard's cases address only customers it set up itself, or none that anyone sets up.
        const setUp = new Set(steps.filter((step) => share.keeps(step)).map((step) => step.fixture.params[customer]));
        const everyone = new Set(fixtures.map((fixture) => fixture.params[customer]));
        for (const at of share.cases) {
          const addressed = all[at]?.case.params[customer];
          if (everyone.has(addressed)) expect(setUp.has(addressed), `edge:${at} of shard ${index}`).to.equal(true);
        }
        return { steps, share, total: all.length };
      });
      const total = shares[0]?.total ?? 0;
      expect([...cases.keys()].sort((a, b) => a - b)).to.deep.equal(Array.from({ length: total }, (_, at) => at));
      expect([...cases.values()].every((times) => times === 1)).to.equal(true);
      // An edge customer (the value is the id: the same in every shard) is set up by one shard only.
      const edgeSetUps = new Map<string, number>();
      for (const { steps, share } of shares) for (const step of steps.filter((s) => share.keeps(s) && s.fixture.unit?.startsWith('customer:'))) edgeSetUps.set(step.customerId, (edgeSetUps.get(step.customerId) ?? 0) + 1);
      expect([...edgeSetUps.values()].every((times) => times === 1)).to.equal(true);
      expect(ownerOf('customer:constructor', count)).to.be.within(1, count);
    });

    it('tags the run\'s own customers (the pool\'s and the drawn ones) and no edge customer; the random phase aims only at its own', () => {
      const tag = runTag(7, { index: 1, count: 1 });
      const fixtures = layOutPlan(contract, 12, 7, tag).map((step) => step.fixture);
      const own = fixtures.filter((fixture) => fixture.unit?.startsWith('own:') || fixture.unit === 'drawn');
      expect(own.length).to.be.above(50);
      for (const fixture of own) expect(fixture.params['id'], fixture.unit).to.match(new RegExp(`-${tag}$`));
      const edges = fixtures.filter((fixture) => !own.includes(fixture));
      expect(edges.map((fixture) => fixture.params['id'])).to.include.members(['a', 'aBc9', 'ABC9', 'toString', 'NaN']);
      for (const fixture of edges) expect(fixture.params['id']).not.to.contain(tag);
      for (const fixture of randomPhaseFixtures(fixtures)) expect(fixture.unit === 'drawn' || fixture.unit?.startsWith('own:'), fixture.edgeClass).to.equal(true);
    });
  });

  describe('--max-time and --max-duration', () => {
    it('raises the hard cap to the budget plus its default, refuses a cap below the budget, and runs until the time is spent', () => {
      const campaign = resolveVerifyOptions({ maxTimeMs: 3_600_000, seed: 1 });
      expect(campaign.maxDurationMs).to.equal(3_600_000 + 600_000);
      expect(campaign.runs).to.equal(2 ** 31 - 1);
      expect(resolveVerifyOptions(campaign)).to.deep.equal(campaign);
      expect(resolveVerifyOptions({ maxTimeMs: 60_000, runs: 500, seed: 1 }).runs).to.equal(500);
      expect(() => resolveVerifyOptions({ maxTimeMs: 3_600_000, maxDurationMs: 600_000 })).to.throw(ConfigurationError, /--max-time 1h is longer than --max-duration 10m/);
      expect(resolveVerifyOptions({ seed: 1 }).maxDurationMs).to.equal(600_000);
      expect(() => resolveVerifyOptions({ shard: '2/3', randomSeeds: 2 })).to.throw(ConfigurationError, /a shard runs one seed/);
    });
  });

  describe('the failure database on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'failure-store-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const key = 'not_a_server_error-0123456789abcdef';
    const entry = (secret: string): FailureEntry => ({
      format: ENTRY_FORMAT, key, check: 'not_a_server_error', kind: 'violation', signature: '0123456789abcdef', message: `server error 500 (${secret})`, expected: 'no 5xx', actual: '500',
      case: { method: 'PATCH', path: '/api/v1/customers/a/integrations/b', params: { id: 'a', integrationId: 'b' }, encoding: 'unreserved', headers: {}, key: 'valid', rawBody: '{}', expect: { intent: 'valid' } },
      scenario: { kind: 'unknown' }, states: [], request: { method: 'PATCH', url: 'http://x/api', path: '/api', headers: { 'X-API-KEY': '$STIGG_API_KEY' }, rawBody: '{}' }, curl: 'curl',
      contract: { operation: 'PATCH /x', version: '1' }, firstSeen: 't0', lastSeen: 't1', seen: 1, status: 'failing',
    });

    it('writes an entry whole (a rename, no temporary file left), the key redacted, and reads it back', () => {
      const store = new FailureStore(join(dir, 'db'), undefined, ['sk_live_secret_key']);
      store.write(entry('sk_live_secret_key'));
      expect(readdirSync(join(dir, 'db'))).to.deep.equal([`${key}.json`]);
      expect(readFileSync(join(dir, 'db', `${key}.json`), 'utf8')).not.to.contain('sk_live_secret_key');
      const loaded = store.load();
      expect(loaded.problems).to.deep.equal([]);
      expect(loaded.entries.map((stored) => [stored.entry.key, stored.source])).to.deep.equal([[key, 'database']]);
      store.remove(key);
      expect(readdirSync(join(dir, 'db'))).to.deep.equal([]);
    });

    it('reads the read-only copy too (the writable one wins a key both hold), never writes it, and names files that are no entry', () => {
      const readOnly = join(dir, 'cache');
      new FailureStore(readOnly, undefined, []).write(entry('x'));
      writeFileSync(join(readOnly, 'status_documented-fedcba9876543210.json'), '{"format":"something else"}');
      writeFileSync(join(readOnly, 'notes.json'), 'not an entry name: ignored');
      const store = new FailureStore(join(dir, 'mine'), readOnly, []);
      const loaded = store.load();
      expect(loaded.entries.map((stored) => stored.source)).to.deep.equal(['read-only']);
      expect(loaded.problems).to.have.length(1);
      expect(loaded.problems[0]).to.contain('status_documented-fedcba9876543210.json is left alone: not a stigg-contract/failure@1 entry');
      store.write(entry('x'));
      expect(store.load().entries.map((stored) => stored.source)).to.deep.equal(['database']);
      expect(readdirSync(readOnly).sort()).to.deep.equal([`${key}.json`, 'notes.json', 'status_documented-fedcba9876543210.json']);
      expect(new FailureStore(false, undefined, []).load().entries).to.deep.equal([]);
    });
  });
});
