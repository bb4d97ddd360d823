import { expect } from 'chai';
import { contractFacts } from '../../../src/checks/index.js';
import { SuccessSchedule, UNDOCUMENTED_PROPERTY } from '../../../src/runners/mock/schedule.js';
import { ABSENT, classify } from '../../../src/checks/response-shapes.js';
import { closeAll, record, send, shippedContract, startMock } from './helpers.js';

const SEEDS = [1, 7, 42, -5, 2 ** 31 - 1];
const codePoints = (text: unknown): number => (typeof text === 'string' ? [...text].length : -1);

async function schedule(seed: number): Promise<SuccessSchedule> {
  const contract = await shippedContract();
  const schema = contractFacts(contract).successSchema;
  if (!schema) throw new Error('no success schema');
  return new SuccessSchedule(schema, seed, ['/data/id', '/data/syncedEntityId']);
}

describe('runners/mock: the covering schedule of success bodies', () => {
  afterEach(closeAll);

  it('finds every shape dimension of the 200 but the fields echoing the request: 12 vendors, syncData absent/null/3 branches', async () => {
    const plan = await schedule(1);
    expect(plan.dimensions.map((dimension) => `${dimension.pointer}:${dimension.choices.length}`)).to.deep.equal(['/data/vendorIdentifier:12', '/data/syncData:5']);
    expect(plan.dimensions[1]?.choices.map((choice) => choice.label)).to.deep.equal([ABSENT, 'SyncRevisionPriceBillingData', 'SyncRevisionBillingData', 'SyncRevisionMarketplaceData', 'null']);
    expect(plan.cover).to.equal(12);
  });

  for (const seed of SEEDS) {
    it(`seed ${seed}: the first 12 bodies serve every vendor and every syncData shape, each valid; then max, then min lengths`, async () => {
      const contract = await shippedContract();
      const plan = await schedule(seed);
      const bodies = Array.from({ length: 14 }, (_, index) => plan.next(1000 + index));
      for (const body of bodies) expect(contract.validateResponse({ status: 200, body }).verdict).to.not.equal('violation');
      const seen = plan.dimensions.map((dimension) => new Set(bodies.slice(0, 12).map((body) => classify(plan.dimensions, body).get(dimension))));
      plan.dimensions.forEach((dimension, index) => expect(seen[index]?.size, dimension.pointer).to.equal(dimension.choices.length));
      expect(bodies.slice(0, 12).filter((body) => UNDOCUMENTED_PROPERTY in record(record(body)['data']))).to.have.length(6);
      const [longest, shortest] = [record(record(bodies[12])['data']), record(record(bodies[13])['data'])];
      expect(codePoints(longest['id'])).to.equal(255);
      expect(codePoints(shortest['id'])).to.equal(0);
      for (const value of Object.values(record(longest['syncData']))) expect(codePoints(value)).to.equal(255);
    });
  }

  it('serves the schedule through the mock, coherent with each request, and replays it for the same seed', async () => {
    const run = async (seed: number): Promise<Record<string, unknown>[]> => {
      const mock = await startMock({ seed });
      const data: Record<string, unknown>[] = [];
      for (let i = 0; i < 12; i++) {
        const answer = await send(mock.operationUrl('acme', `int/${i} é`), { body: JSON.stringify({ syncedEntityId: i % 3 === 0 ? null : `cus_${i}` }) });
        data.push(record(record(answer.json)['data']));
      }
      return data;
    };
    const first = await run(9);
    expect(new Set(first.map((item) => item['vendorIdentifier'])).size).to.equal(12);
    first.forEach((item, i) => expect(item).to.include({ id: `int/${i} é`, syncedEntityId: i % 3 === 0 ? null : `cus_${i}` }));
    expect(await run(9)).to.deep.equal(first);
    expect((await run(10)).map((item) => item['vendorIdentifier'])).to.not.deep.equal(first.map((item) => item['vendorIdentifier']));
  });
});
