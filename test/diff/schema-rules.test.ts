/**
 * Every schema rule, in both directions: a before and an after schema, the rule the diff must name, and its level
 * where the direction decides it. The levels asserted here are written out, not read from the rule table, so a
 * table edit that changes who breaks fails here first.
 */
import { expect } from 'chai';
import { RULES } from '../../src/diff/index.js';
import { brief, changesOf, withSchema } from './helpers.js';
import { obj, SCHEMA_CASES, str } from './schema-cases.js';

describe('diff: every schema rule, in both directions', () => {
  for (const [rule, before, after, levels] of SCHEMA_CASES) {
    for (const direction of ['request', 'response'] as const) {
      const level = levels[direction];
      if (level === undefined) continue;
      it(`${rule} is ${level} in a ${direction}`, () => {
        const changes = changesOf(withSchema(direction, before), withSchema(direction, after)).map(brief);
        const where = direction === 'request' ? 'request body' : 'response 200 body';
        const expected = `${rule} ${level} ${direction} ${where}`;
        expect(changes.some((change) => change === expected || change.startsWith(`${expected} `)), JSON.stringify(changes)).to.equal(true);
      });
    }
  }

  it('a property removed from a closed response object is a removed property (forbidding is a request matter)', () => {
    const [before, after] = [{ type: 'object', additionalProperties: false, properties: { a: str } }, { type: 'object', additionalProperties: false }];
    expect(changesOf(withSchema('response', before), withSchema('response', after)).map(brief)).to.deep.equal(['optional-property-removed warning response response 200 body /a']);
  });

  it('compares what the schemas mean, not how they are written: a $ref moved, keywords reordered, an equal bound spelled out', () => {
    expect(changesOf(withSchema('response', { maxLength: 3, type: 'string', minLength: 0 }), withSchema('response', { type: 'string', maxLength: 3 }))).to.deep.equal([]);
    expect(changesOf(withSchema('response', { type: 'integer' }), withSchema('response', { type: 'integer', description: 'now documented', example: 4 }))).to.deep.equal([]);
  });

  it('pairs oneOf branches by title, so an inserted branch is one change, not every branch after it', () => {
    const branch = (title: string, property: string): object => ({ title, ...obj({ [property]: str }, { required: [property], additionalProperties: false }) });
    const before = { oneOf: [branch('A', 'a'), branch('B', 'b')] };
    const after = { oneOf: [branch('A', 'a'), branch('N', 'n'), { ...branch('B', 'b'), properties: { b: { type: 'string', maxLength: 9 } } }] };
    expect(changesOf(withSchema('response', before), withSchema('response', after)).map(brief)).to.deep.equal([
      'length-narrowed info response response 200 body [oneOf B]/b',
      'branch-added warning response response 200 body',
    ]);
  });

  it('every schema rule of the table has a case here', () => {
    const cased = new Set(SCHEMA_CASES.map(([rule]) => rule));
    const schemaRules = RULES.filter((rule) => rule.request !== undefined && rule.response !== undefined || rule.id === 'property-forbidden');
    expect(schemaRules.map((rule) => rule.id).filter((id) => !cased.has(id))).to.deep.equal([]);
  });
});
