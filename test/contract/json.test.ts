import { expect } from 'chai';
import fc from 'fast-check';
import { atPointer, childPointer, escapeToken, isJsonObject } from '../../src/contract/json.js';
import { firstDifference } from '../../src/checks/json-diff.js';

const SEED = 20_261_204;

/** Every (pointer, value) of a JSON value, built with childPointer from the root ``. */
function leaves(value: unknown, pointer = ''): Array<[string, unknown]> {
  if (Array.isArray(value)) return [[pointer, value], ...value.flatMap((item, index) => leaves(item, childPointer(pointer, index)))];
  if (isJsonObject(value)) return [[pointer, value], ...Object.entries(value).flatMap(([key, item]) => leaves(item, childPointer(pointer, key)))];
  return [[pointer, value]];
}

describe('JSON pointers: one home (RFC 6901), the same answers everywhere', () => {
  it('every place childPointer names, atPointer finds, whatever the keys hold (`~`, `/`, ``, unicode)', () => {
    const keys = fc.oneof(fc.string(), fc.constantFrom('', '~', '/', '~0', '~1', 'a/b~c', '%2F'));
    const json = fc.letrec((tie) => ({
      node: fc.oneof({ maxDepth: 4 }, fc.jsonValue({ maxDepth: 0 }), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(keys, tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(fc.property(json, (value) => {
      for (const [pointer, leaf] of leaves(value)) expect(atPointer(value, pointer)).to.deep.equal(leaf);
    }), { seed: SEED, numRuns: 300 });
  });

  it('escapes ~ before / and tells the root (``) from the key `` (`/`)', () => {
    expect(escapeToken('a/b~c')).to.equal('a~1b~0c');
    expect(childPointer('', '')).to.equal('/');
    expect(atPointer({ '': 1 }, '/')).to.equal(1);
    expect(atPointer({ '': 1 }, '')).to.deep.equal({ '': 1 });
    expect(atPointer({ a: 1 }, '/b/c')).to.equal(undefined);
  });

  it('firstDifference names the place in the same pointers: `` when the whole value differs', () => {
    expect(firstDifference(1, 2)).to.equal('');
    expect(firstDifference([1], [1, 2])).to.equal('');
    expect(firstDifference({ 'a/b': { '~': 1 } }, { 'a/b': { '~': 2 } })).to.equal('/a~1b/~0');
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(firstDifference(value, structuredClone(value))).to.equal(undefined);
    }), { seed: SEED, numRuns: 200 });
  });
});
