import { expect } from 'chai';
import fc from 'fast-check';
import {
  anyRequest, bodyArbitrary, buildRequest, headersArbitrary, invalidBodyArbitrary, invalidHeadersArbitrary, invalidKinds, invalidPathParamArbitrary,
  invalidRequest, invalidResponseArbitrary, pathParamArbitrary, responseArbitrary, unauthenticatedRequest, validRequest,
} from '../../src/arbitraries/index.js';
import { ConfigurationError } from '../../src/errors.js';
import { openContract, type OperationContract } from '../../src/validators/index.js';
import { assertBadResponses, assertCorrect, assertResponses, inPath, SEED, withBadBody, withBody, withHeaders } from './assertions.js';

describe('arbitraries: every value is judged by the intent validator as labelled, after HTTP serialisation', () => {
  let c: OperationContract;
  before(async () => {
    c = await openContract();
  });

  it('customer slugs (id)', () => assertCorrect(c, pathParamArbitrary(c, 'id').map(inPath(c, 'id')), 500));
  it('invalid customer slugs', () => assertCorrect(c, invalidPathParamArbitrary(c, 'id').map(inPath(c, 'id')), 500));
  it('integration ids', () => assertCorrect(c, pathParamArbitrary(c, 'integrationId').map(inPath(c, 'integrationId')), 500));
  it('invalid integration ids', () => assertCorrect(c, invalidPathParamArbitrary(c, 'integrationId').map(inPath(c, 'integrationId'))));
  it('request bodies', () => assertCorrect(c, bodyArbitrary(c).map(withBody(c)), 500));
  it('invalid request bodies', () => assertCorrect(c, invalidBodyArbitrary(c).map(withBadBody(c)), 500));
  it('headers', () => assertCorrect(c, headersArbitrary(c).map(withHeaders(c))));
  it('invalid headers', () => assertCorrect(c, invalidHeadersArbitrary(c).map(withHeaders(c))));
  it('valid requests', () => assertCorrect(c, validRequest(c), 500));
  it('invalid requests', () => assertCorrect(c, invalidRequest(c), 500));
  it('unauthenticated requests', () => assertCorrect(c, unauthenticatedRequest(c)));
  it('any requests', () => assertCorrect(c, anyRequest(c)));

  it('every kind of invalid request, one at a time', () => {
    for (const kind of invalidKinds(c)) assertCorrect(c, invalidRequest(c, { where: (k) => k.id === kind.id }), 40);
  });

  it('responses of every documented status, valid and invalid', () => {
    for (const { status } of c.operation.responses) {
      assertResponses(c, status, responseArbitrary(c, status), 150);
      assertBadResponses(c, status, invalidResponseArbitrary(c, status), 150);
    }
  });

  it('requests for a fixed customer and integration keep them, in valid and invalid cases alike', () => {
    const params = { id: 'acme.eu|prod', integrationId: 'int 1/2' };
    assertCorrect(c, validRequest(c, { params }), 100);
    fc.assert(fc.property(validRequest(c, { params }), (r) => void expect(r.params).to.deep.equal(params)), { seed: SEED, numRuns: 50 });
    fc.assert(fc.property(invalidRequest(c, { params, where: (k) => k.part === 'body' }), (r) => void expect(r.params).to.deep.equal(params)), { seed: SEED, numRuns: 50 });
  });

  it('refuses fixed parameters that break the contract, or that do not exist', () => {
    expect(() => validRequest(c, { params: { id: '-starts-with-dash' } })).to.throw(ConfigurationError, /breaks the contract/);
    expect(() => validRequest(c, { params: { customerId: 'x' } })).to.throw(ConfigurationError, /no path parameter "customerId"/);
    expect(() => responseArbitrary(c, 500)).to.throw(ConfigurationError, /not documented/);
  });

  it('both encodings of a segment decode to the same value (`|` always encoded, `@` raw only in pchar)', () => {
    const encodings = new Set<string>();
    fc.assert(fc.property(validRequest(c), (r) => {
      encodings.add(r.encoding);
      // The same request in the other encoding, built as the generator builds it: every run compares the two.
      const body = r.rawBody === undefined ? { kind: 'absent' as const } : { kind: 'text' as const, text: r.rawBody };
      const other = buildRequest(c, { params: r.params, encoding: r.encoding === 'pchar' ? 'unreserved' : 'pchar', headers: { headers: r.headers, key: r.key }, body });
      expect(other.encoding).to.not.equal(r.encoding);
      expect(c.validateRequest({ method: r.method, path: other.path, headers: { 'x-api-key': 'k' } })).to.include({ matched: true });
      const decoded = c.validateRequest({ method: r.method, path: other.path, headers: {} });
      expect(decoded.matched && decoded.params).to.deep.equal(r.params);
      expect(r.path.includes('|') || other.path.includes('|')).to.equal(false);
      if (r.params['id']?.includes('@')) expect((r.encoding === 'pchar' ? r : other).path).to.contain('@');
    }), { seed: SEED, numRuns: 100 });
    expect([...encodings].sort(), 'the generator itself yields both encodings').to.deep.equal(['pchar', 'unreserved']);
  });
});
