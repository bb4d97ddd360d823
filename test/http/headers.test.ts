import { expect } from 'chai';
import fc from 'fast-check';
import { findHeader, headerKey, headerValue, normaliseHeaders } from '../../src/http/headers.js';

describe('http: header fields', () => {
  it('folds names to lower case and joins a repeated field\'s values with ", "; absent values are dropped', () => {
    expect(normaliseHeaders({ 'Content-Type': 'application/json', 'X-Many': ['a', 'b'], 'X-None': undefined, 'x-api-key': 'k' })).to.deep.equal({
      'content-type': 'application/json', 'x-many': 'a, b', 'x-api-key': 'k',
    });
    expect(normaliseHeaders()).to.deep.equal({});
  });

  it('finds a header whatever the case of the names given, and says how the headers spell it', () => {
    const headers = { 'Retry-After': '3', 'X-API-KEY': ['k1', 'k2'] };
    expect(headerValue(headers, 'retry-after')).to.equal('3');
    expect(headerValue(headers, 'RETRY-AFTER')).to.equal('3');
    expect(findHeader(headers, 'x-api-key')).to.deep.equal({ name: 'X-API-KEY', value: 'k1, k2' });
    expect(headerValue(headers, 'content-type')).to.equal(undefined);
    expect(headerValue({ 'X-Gone': undefined }, 'x-gone')).to.equal(undefined);
  });

  it('any spelling of a name finds the same field as its folded key does in the normalised headers', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
    fc.assert(fc.property(fc.dictionary(name, fc.string({ maxLength: 8 }), { maxKeys: 6 }), name, (headers, wanted) => {
      expect(headerValue(headers, wanted)).to.equal(normaliseHeaders(headers)[headerKey(wanted)] === undefined ? undefined : headerValue(normaliseHeaders(headers), wanted));
      for (const spelled of Object.keys(headers)) expect(headerValue(headers, spelled.toUpperCase())).to.not.equal(undefined);
    }), { seed: 26, numRuns: 300 });
  });
});
