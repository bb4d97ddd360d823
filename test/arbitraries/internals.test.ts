import { expect } from 'chai';
import fc from 'fast-check';
import { parsePattern } from '../../src/arbitraries/_internals/regex.js';
import { exampleResponse, schemaArbitrary } from '../../src/arbitraries/index.js';
import { createAjv } from '../../src/contract/ajv.js';
import { openContract } from '../../src/validators/index.js';
import { SEED } from './assertions.js';

describe('arbitraries internals', () => {
  it('reads character-class patterns into atoms, and declines shapes it cannot generate', () => {
    expect(parsePattern('^[a-c][x_-]*$')).to.deep.equal([
      { segments: [{ from: 0x61, to: 0x63 }], min: 1, max: 1 },
      { segments: [{ from: 0x78, to: 0x78 }, { from: 0x5f, to: 0x5f }, { from: 0x2d, to: 0x2d }], min: 0, max: Infinity },
    ]);
    expect(parsePattern('^\\d{2,4}-?[A-Z]+$')?.map((a) => [a.min, a.max])).to.deep.equal([[2, 4], [0, 1], [1, Infinity]]);
    for (const unsupported of ['^(ab)+$', '^a|b$', '^.*$', 'abc', '^a*?$', '^[a-$']) expect(parsePattern(unsupported), unsupported).to.equal(undefined);
  });

  it('generates values for schema shapes this contract does not use (allOf, oneOf, formats, numbers, arrays, fallback patterns)', () => {
    const ajv = createAjv();
    const schemas = [
      { allOf: [{ type: 'object', properties: { a: { type: 'integer', minimum: 3, maximum: 9 } }, required: ['a'] }, { properties: { b: { type: 'boolean' } }, required: ['b'] }] },
      { oneOf: [{ type: 'string', maxLength: 2 }, { type: 'string', minLength: 2 }] },
      { type: 'object', properties: { at: { type: 'string', format: 'date-time' }, id: { type: 'string', format: 'uuid' } }, required: ['at', 'id'], additionalProperties: false },
      { type: 'array', items: { type: 'number', exclusiveMinimum: 0, multipleOf: 0.5 }, minItems: 1, maxItems: 3, uniqueItems: true },
      { type: 'string', pattern: '^(ab|cd)+$', maxLength: 6 },
      { type: ['integer', 'null'], enum: [1, 2, null] },
    ];
    for (const schema of schemas) {
      const validate = ajv.compile(schema);
      fc.assert(fc.property(schemaArbitrary(schema), (value) => void expect(validate(value), JSON.stringify(value)).to.equal(true)), { seed: SEED, numRuns: 200 });
    }
  });

  it('example responses are valid, documented and the same for the same seed', async () => {
    const contract = await openContract();
    for (const { status } of contract.operation.responses) {
      const example = exampleResponse(contract, status, 5);
      expect(example).to.deep.equal(exampleResponse(contract, status, 5));
      const result = contract.validateResponse(example);
      expect(result.matched && result.intent, `status ${status}`).to.deep.equal([]);
    }
  });
});
