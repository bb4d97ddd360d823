import { expect } from 'chai';
import fc from 'fast-check';
import { buildRequest, edgeBase, tagProblem } from '../../../src/arbitraries/index.js';
import { CHECKS, checkById, createCheckContext, type Exchange } from '../../../src/checks/index.js';
import { Backoff } from '../../../src/runners/verify/backoff.js';
import { namedFixtures } from '../../../src/runners/verify/plan.js';
import { plannedCases, type PlannedCase } from '../../../src/runners/verify/planned-cases.js';
import { shrink } from '../../../src/runners/verify/shrink.js';
import { createTransport } from '../../../src/runners/verify/transport.js';
import { openContract, type OperationContract } from '../../../src/validators/index.js';
import { startVariantProvider } from '../../fixtures/providers/proxy.js';

const KEY = 'shrink-tag-key';

describe('a shrunk case stands for its tag only while it still breaks exactly that constraint', () => {
  let contract: OperationContract;
  before(async () => {
    contract = await openContract();
  });

  it('every case the random phase draws is what its label says (so the guard never holds a real finding back)', () => {
    const cases = plannedCases(contract, namedFixtures(contract, ['acme/int-1', 'globex/int|2']));
    fc.assert(fc.property(cases, (planned) => tagProblem(contract, planned.case) === undefined), { seed: 20_260_101, numRuns: 400 });
  });

  it('names what is wrong with a case that is not what its label says', () => {
    const base = edgeBase(contract);
    const body = (length: number) => ({ kind: 'json' as const, value: { syncedEntityId: 'x'.repeat(length) } });
    const tagged = { intent: 'invalid' as const, breaks: { part: 'body' as const, pointer: '/syncedEntityId', keyword: 'maxLength' } };
    const build = (length: number) => buildRequest(contract, { params: { id: 'a', integrationId: 'b' }, headers: base.headers, body: body(length), expect: tagged });
    expect(tagProblem(contract, build(256))).to.equal(undefined);
    expect(tagProblem(contract, build(255))).to.equal('labelled body/syncedEntityId maxLength, but no longer breaks it');
    expect(tagProblem(contract, { ...build(10), expect: { intent: 'valid' } })).to.equal(undefined);
    expect(tagProblem(contract, { ...build(256), expect: { intent: 'valid' } })).to.equal('labelled valid, but breaks body/syncedEntityId maxLength');
  });

  it('shrinking an accepted over-long body stops at 256 code points: a shorter one is no maxLength break, whatever the provider says', async function () {
    this.timeout(30_000);
    // A provider that accepts every body: every case fails invalid_input_rejected, tagged or not.
    const provider = await startVariantProvider({ response: (_seen, answer) => (answer.status === 400 ? { ...answer, status: 200, body: '{"data":{"id":"b","vendorIdentifier":"STRIPE","syncedEntityId":null,"syncData":null}}' } : answer) }, KEY);
    const transport = createTransport({ baseUrl: provider.url, timeoutMs: 2000, maxBodyBytes: 2 ** 20, connections: 1 });
    try {
      const base = edgeBase(contract);
      const tagged = { intent: 'invalid' as const, breaks: { part: 'body' as const, pointer: '/syncedEntityId', keyword: 'maxLength' } };
      // A generator whose shrinking leaves its tag behind: lengths shrink towards 1, far under the limit.
      const arbitrary: fc.Arbitrary<PlannedCase> = fc.integer({ min: 1, max: 400 }).map((length) => ({
        case: buildRequest(contract, { params: { id: 'a', integrationId: 'b' }, headers: base.headers, body: { kind: 'json', value: { syncedEntityId: 'x'.repeat(length) } }, expect: tagged }),
        scenario: { kind: 'unknown' },
      }));
      const first = fc.check(fc.property(arbitrary, (planned) => JSON.stringify(planned).length < 300), { seed: 3, endOnFailure: true });
      expect(first.counterexamplePath).to.not.equal(null);
      const check = checkById('invalid_input_rejected');
      if (!check) throw new Error('no such check');
      const reported: Exchange[] = [];
      const send = { contract, transport, baseUrl: provider.url, apiKey: KEY, checks: CHECKS, backoff: new Backoff(1000) };
      const path = await shrink({ check, at: { epoch: 0, path: first.counterexamplePath ?? '' }, seed: 3, shrinkMs: 20_000, strictContract: false }, arbitrary, send, createCheckContext(contract), { onExchange: (exchange) => void reported.push(exchange) });
      expect(path).to.be.a('string');
      const [minimal] = reported;
      const sent = JSON.parse(minimal?.request.rawBody ?? '{}') as { syncedEntityId: string };
      expect(sent.syncedEntityId.length).to.equal(256);
      expect(tagProblem(contract, minimal?.case ?? build())).to.equal(undefined);
    } finally {
      await transport.close();
      await provider.close();
    }

    function build(): never {
      throw new Error('no minimal case was reported');
    }
  });
});
