import { expect } from 'chai';
import fc from 'fast-check';
import { invalidBodyArbitrary, invalidRequest, pathParamArbitrary, type RawBody, type RequestCase, type Tagged } from '../../src/arbitraries/index.js';
import { openContract, type OperationContract } from '../../src/validators/index.js';
import { SEED } from './assertions.js';

const length = (text: string): number => [...text].length;
const syncedOf = (value: unknown): unknown => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['syncedEntityId'] : undefined);

/** Runs a property that must fail, and returns its shrunk counterexample. */
function counterexample<T>(arbitrary: fc.Arbitrary<T>, holds: (value: T) => boolean): T {
  const details = fc.check(fc.property(arbitrary, holds), { seed: SEED, numRuns: 1000 });
  expect(details.failed, 'the property must fail').to.equal(true);
  const [value] = details.counterexample ?? [];
  return value as T;
}

describe('arbitraries: shrinking gives minimal counterexamples', () => {
  let c: OperationContract;
  before(async () => {
    c = await openContract();
  });

  it('a property failing for slugs longer than 64 characters shrinks to a valid slug of exactly 65', () => {
    const slug = counterexample(pathParamArbitrary(c, 'id'), (s) => length(s) <= 64);
    expect(length(slug)).to.equal(65);
    expect(c.parts.path.intent({ id: slug, integrationId: 'x' })).to.deep.equal([]);
  });

  it('a property failing for syncedEntityId over 255 code points shrinks to exactly 256, on the invalid body arbitrary', () => {
    const body = counterexample(invalidBodyArbitrary(c), ({ value }: Tagged<RawBody>) => {
      const synced = value.kind === 'json' ? syncedOf(value.value) : undefined;
      return !(typeof synced === 'string' && length(synced) > 255);
    });
    expect(body.breaks).to.deep.equal({ part: 'body', pointer: '/syncedEntityId', keyword: 'maxLength' });
    expect(body.value.kind === 'json' && length(String(syncedOf(body.value.value)))).to.equal(256);
  });

  it('the same holds for whole requests: the raw body shrinks to a 256-code-point syncedEntityId', () => {
    const tooLong = invalidRequest(c, { where: (kind) => kind.part === 'body' && kind.keyword === 'maxLength' });
    const request = counterexample(tooLong, (r: RequestCase) => length(String(syncedOf(JSON.parse(r.rawBody ?? 'null')))) < 256);
    expect(length(String(syncedOf(JSON.parse(request.rawBody ?? 'null'))))).to.equal(256);
  });
});
